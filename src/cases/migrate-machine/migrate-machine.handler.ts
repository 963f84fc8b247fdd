import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { forbiddenRole } from '../../auth/access-denied';
import { CaseError } from '../shared/case-error';
import { WrongExpectedVersionError } from '../../event-store/event-store.errors';
import { decideMigration, migrateSnapshot } from '../../lifecycle';
import { Clock } from '../../shared/clock';
import { assertVisible } from '../shared/case-access';
import { CaseRepository } from '../shared/case-repository';
import { caseResult, type CaseResult } from '../shared/case-view';
import { MigrateMachineCommand } from './migrate-machine.command';

/**
 * Records a MachineVersionChanged when the lifecycle's migration rules allow it (decideMigration):
 * the case keeps its state and facts, and its later events are decided and recorded under the new machine.
 */
@CommandHandler(MigrateMachineCommand)
export class MigrateMachineHandler implements ICommandHandler<MigrateMachineCommand> {
  constructor(
    private readonly cases: CaseRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ actor, caseId, payload, request }: MigrateMachineCommand): Promise<CaseResult> {
    if (!actor.roles.includes('admin')) throw forbiddenRole('Moving a case to another machine version is for admins.', ['admin']);
    const loaded = await this.cases.load(actor.tenant, caseId);
    assertVisible(actor, loaded);
    if (request.ifMatch !== undefined && request.ifMatch !== loaded.revision) {
      throw new CaseError('PRECONDITION_FAILED', `The case is at revision ${loaded.revision}, not ${request.ifMatch}.`, { revision: loaded.revision.toString() });
    }
    const to = { id: loaded.machine.id, version: payload.toVersion };
    const decision = decideMigration(loaded.snapshot, loaded.machine, to, { reason: payload.reason, now: this.clock.now().toISOString() });
    if (!decision.allowed) {
      throw new CaseError('MIGRATION_REFUSED', `The case cannot move to ${to.id} v${to.version}.`, { reasons: decision.reasons });
    }
    const commandId = randomUUID();
    const context = { actorId: actor.id, actorName: actor.name, actorRole: 'admin', commandId, correlationId: request.correlationId ?? commandId, causationId: commandId };
    const appended = await this.cases.append(loaded, [{ id: randomUUID(), event: decision.event }], context, to).catch((error: unknown) => {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      throw new CaseError('CASE_CHANGED', 'The case changed while the migration was being decided; load it again and retry.', { revision: String(error.actual) });
    });
    return caseResult(caseId, migrateSnapshot(loaded.snapshot, loaded.machine, to), appended.nextExpectedRevision);
  }
}
