import { Injectable } from '@nestjs/common';
import { EventStore, type StreamName } from '../event-store/event-store.port';
import { indexCodes, seriesLookup, type CaseFacts } from '../lifecycle';
import { CaseRepository } from '../cases/shared/case-repository';
import { caseIdOfStream } from '../cases/shared/case-stream';
import { IndexValuesSource } from '../cases/shared/index-values-source';
import { budgetCase, budgetOf, mayCommit, type Budget } from './budget';

/** Cases folded side by side: a page of streams at a time, so the pool is shared, not flooded. */
const CASES_PER_PAGE = 50;

/**
 * Reads a tenant's budget of a year. Every case stream of the tenant is listed (a page at a time)
 * and each case taken as it is now through the case repository — the state it last folded or a
 * stored snapshot, then the events after it, so no projection lag and, once warm, no full fold; the
 * facts of the cases that may commit money are kept, the index series they follow are read once,
 * and each case's plan is computed as `GET /cases/:id` computes it. The cost grows with the
 * tenant's cases: a read per case, a fold of what is new, a plan per case.
 */
@Injectable()
export class BudgetService {
  constructor(
    private readonly store: EventStore,
    private readonly cases: CaseRepository,
    private readonly indexValues: IndexValuesSource,
  ) {}

  async of(tenant: string, year: number): Promise<Budget> {
    const cases = await this.casesWithTerms(tenant);
    const index = seriesLookup(await this.indexValues.series(tenant, [...new Set(cases.flatMap(({ facts }) => indexCodes(facts)))]));
    return budgetOf(
      year,
      cases.flatMap(({ caseId, facts }) => budgetCase(caseId, facts, year, index) ?? []),
    );
  }

  private async casesWithTerms(tenant: string): Promise<{ caseId: string; facts: CaseFacts }[]> {
    const found: { caseId: string; facts: CaseFacts }[] = [];
    const list = (after?: StreamName) => this.store.listStreams({ tenant, prefix: 'case-', maxCount: CASES_PER_PAGE, ...(after && { after }) });
    for (let page = await list(); page.length > 0; page = await list(page.at(-1))) {
      const ids = page.flatMap((stream) => caseIdOfStream(stream) ?? []);
      // As stored: the budget needs no personal data, so it opens none.
      const current = await Promise.all(ids.map((caseId) => this.cases.current(tenant, caseId, { allowNew: true })));
      for (const { id, snapshot } of current) if (mayCommit(snapshot.context)) found.push({ caseId: id, facts: snapshot.context });
    }
    return found;
  }
}
