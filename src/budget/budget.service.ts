import { Injectable } from '@nestjs/common';
import { EventStore } from '../event-store/event-store.port';
import { indexCodes, seriesLookup, type CaseFacts } from '../lifecycle';
import { foldRecorded } from '../cases/shared/case-repository';
import { everyCase } from '../cases/shared/every-case';
import { IndexValuesSource } from '../cases/shared/index-values-source';
import { budgetCase, budgetOf, mayCommit, type Budget } from './budget';

/**
 * Reads a tenant's budget of a year. Every case of the tenant is folded from its stream in one
 * read-only snapshot of the store (a consistent picture, no projection lag), a page of streams at
 * a time; the facts of the cases that may commit money are kept, the index series they follow are
 * read once, and each case's plan is computed as `GET /cases/:id` computes it. The cost grows with
 * the tenant's events (every case stream is read once per request): fine for a municipality's
 * tens to hundreds of IOP agreements.
 */
@Injectable()
export class BudgetService {
  constructor(
    private readonly store: EventStore,
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

  private casesWithTerms(tenant: string): Promise<{ caseId: string; facts: CaseFacts }[]> {
    return this.store.withTransaction(
      async (snapshot) => {
        const cases: { caseId: string; facts: CaseFacts }[] = [];
        for await (const { caseId, events } of everyCase(snapshot, tenant)) {
          // Folded as stored: the budget needs no personal data, so it opens none.
          const facts = foldRecorded(events).snapshot.context;
          if (mayCommit(facts)) cases.push({ caseId, facts });
        }
        return cases;
      },
      { readOnly: true },
    );
  }
}
