import { Injectable } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import { decide, initialSnapshot, type StartRenewalPayload } from '../../lifecycle';
import { Clock } from '../../shared/clock';
import type { CaseCommand, CommandExtension, ExtensionInput } from '../shared/case-command';
import { CaseRepository } from '../shared/case-repository';
import type { StartRenewalDto } from './start-renewal.dto';

const NAMESPACE = 'c1d7f1a2-0b5e-4f7a-9d2c-6e8b3a4f5d10';

/**
 * Starting a renewal opens the next agreement period as a new case, linked both ways: this case
 * records the new case's id, the new case its predecessor's. Both ids are fixed by this case's id,
 * so a retry after a failure between the two writes finishes the job instead of opening a third case.
 */
@Injectable()
export class StartRenewalExtension implements CommandExtension<'start-renewal'> {
  constructor(
    private readonly cases: CaseRepository,
    private readonly clock: Clock,
  ) {}

  payload({ body, loaded }: ExtensionInput<StartRenewalDto>): StartRenewalPayload {
    return { newCaseId: renewalCaseId(loaded.tenant, loaded.id), startedOn: body.startedOn };
  }

  async after({ actor, caseId }: CaseCommand<'start-renewal'>, { startedOn }: StartRenewalDto): Promise<void> {
    const previous = (await this.cases.load(actor.tenant, caseId, { open: true })).snapshot.context;
    const renewal = await this.cases.load(actor.tenant, renewalCaseId(actor.tenant, caseId), { allowNew: true });
    if (renewal.revision >= 0n) return; // opened by an earlier attempt
    const [submitted] = decide(initialSnapshot(), {
      type: 'submit-application',
      now: this.clock.now().toISOString(),
      municipality: previous.municipality!,
      organisation: previous.organisation!,
      purpose: previous.purpose!,
      targetGroups: previous.targetGroups,
      activities: previous.activities,
      terms: previous.terms!,
      receivedOn: startedOn,
      previousCaseId: caseId,
      // The same person stays the contact, unless their data has been erased.
      contactPerson: previous.contactPerson?.erased ? null : previous.contactPerson,
    });
    const id = uuidv5(`${renewal.id}/opened`, NAMESPACE);
    await this.cases.append(renewal, [{ id, event: submitted }], {
      actorId: actor.id,
      actorName: actor.name,
      actorRole: 'handlaggare',
      commandId: id,
      correlationId: caseId,
      causationId: caseId,
    });
  }
}

export function renewalCaseId(tenant: string, caseId: string): string {
  return uuidv5(`${tenant}/${caseId}/renewal`, NAMESPACE);
}
