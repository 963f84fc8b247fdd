import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { labelOf, statusOf } from '../..';
import { DeadlineCatalogue } from '../../deadline-catalogue';
import { stockholmDate } from '../../../calendar';
import { Clock } from '../../../shared/clock';
import { assertVisible } from '../../../cases/shared/case-access';
import { CaseRepository } from '../../../cases/shared/case-repository';
import type { CaseDeadlinesDto } from './case-deadlines.dto';
import { GetCaseDeadlinesQuery } from './get-case-deadlines.query';

/** A case's deadlines from its stream (always current), with the same visibility as GET /cases/:id. */
@QueryHandler(GetCaseDeadlinesQuery)
export class GetCaseDeadlinesHandler implements IQueryHandler<GetCaseDeadlinesQuery> {
  constructor(
    private readonly cases: CaseRepository,
    private readonly catalogue: DeadlineCatalogue,
    private readonly clock: Clock,
  ) {}

  async execute({ actor, caseId }: GetCaseDeadlinesQuery): Promise<CaseDeadlinesDto> {
    const loaded = await this.cases.load(actor.tenant, caseId);
    assertVisible(actor, loaded);
    const today = stockholmDate(this.clock.now().toISOString());
    const index = await this.catalogue.indexOf(actor.tenant, loaded.snapshot.context);
    return {
      caseId: loaded.id,
      diarienummer: loaded.snapshot.context.diarienummer,
      today,
      deadlines: this.catalogue.of(loaded.events, index).map(({ key, kind, date, rule, explanation, met }) => ({
        key,
        kind,
        date,
        rule,
        label: labelOf({ kind, key }),
        explanation,
        status: statusOf({ date, met, kind }, today),
      })),
    };
  }
}
