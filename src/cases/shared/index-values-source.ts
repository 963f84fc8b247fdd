import { Injectable } from '@nestjs/common';
import type { IndexSeries } from '../../money';

/**
 * Where the case API reads index series (OPI, …) for payment plans: reference data, kept per tenant
 * by its administrators (issue 11, item 7). The plan itself is pure (src/lifecycle/payment-plan.ts)
 * and takes the series as an argument; this port is the one place the API fetches them.
 */
export abstract class IndexValuesSource {
  /**
   * The tenant's series of these codes, each with every version of every year's value (oldest
   * first); a code the tenant has no series of is left out.
   */
  abstract series(tenant: string, codes: readonly string[]): Promise<IndexSeries[]>;
}

/** Until reference data provides index series: none, so indexed lines keep their last known amount and say so. */
@Injectable()
export class NoIndexValues extends IndexValuesSource {
  series(): Promise<IndexSeries[]> {
    return Promise.resolve([]);
  }
}
