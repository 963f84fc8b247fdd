import { Injectable } from '@nestjs/common';
import { indexCodes, seriesLookup, type CaseFacts, type IndexSeriesLookup } from '../../lifecycle';
import type { IndexSeries } from '../../money';
import { ReferenceDataStore } from '../../reference-data/reference-data.store';

/**
 * Where the case API, the deadlines and the timers read index series (OPI, …) for payment plans:
 * the tenant's reference data, kept by its administrators. The plan itself is pure
 * (src/lifecycle/payment-plan.ts) and takes the series as an argument; this is where they are fetched.
 */
@Injectable()
export class IndexValuesSource {
  constructor(private readonly referenceData: ReferenceDataStore) {}

  /** The tenant's series of these codes, each with every version of every year's value (oldest first); a code it has no series of is left out. */
  async series(tenant: string, codes: readonly string[]): Promise<IndexSeries[]> {
    if (codes.length === 0) return [];
    return (await this.referenceData.current(tenant)).indexSeries.filter((series) => codes.includes(series.code));
  }

  /** The series a case's payment plan follows, as the tenant's reference data has them now. */
  async lookupFor(tenant: string, facts: Pick<CaseFacts, 'agreedTerms' | 'amendments'>): Promise<IndexSeriesLookup> {
    return seriesLookup(await this.series(tenant, indexCodes(facts)));
  }
}
