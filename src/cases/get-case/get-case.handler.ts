import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { allowedCommands, issuingRoles } from '../../lifecycle';
import { assertVisible } from '../shared/case-access';
import { CaseRepository } from '../shared/case-repository';
import { caseState } from '../shared/case-view';
import { factsInKronor } from '../shared/in-kronor';
import { IndexValuesSource } from '../shared/index-values-source';
import { caseMoney, moneyInKronor } from './case-money.dto';
import type { CaseView } from './case-view.dto';
import { GetCaseQuery } from './get-case.query';

@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery> {
  constructor(
    private readonly cases: CaseRepository,
    private readonly indexValues: IndexValuesSource,
  ) {}

  async execute({ actor, caseId, at }: GetCaseQuery): Promise<CaseView> {
    const loaded = await this.cases.load(actor.tenant, caseId, { at, open: true });
    const facts = loaded.snapshot.context;
    assertVisible(actor, loaded);
    const index = await this.indexValues.lookupFor(actor.tenant, facts);
    return {
      id: loaded.id,
      tenant: loaded.tenant,
      diarienummer: facts.diarienummer,
      state: caseState(loaded.snapshot),
      facts: factsInKronor(facts),
      money: moneyInKronor(caseMoney(facts, index)),
      // What this caller can do (or could, at that point): the machine's answer, narrowed to the caller's roles.
      allowedCommands: allowedCommands(loaded.snapshot).filter((type) => issuingRoles(type, actor).length > 0),
      revision: loaded.revision.toString(),
      machine: loaded.machine,
    };
  }
}
