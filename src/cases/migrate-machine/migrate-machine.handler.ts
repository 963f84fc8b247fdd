import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { forbiddenRole } from '../../auth/access-denied';
import type { Actor } from '../../auth/actor';
import { decideMigration, migrateSnapshot } from '../../lifecycle';
import type { CommandRequest } from '../shared/case-command';
import { validateBody } from '../shared/case-command.controller';
import { CaseCommandService } from '../shared/case-command.service';
import { CaseError } from '../shared/case-error';
import type { CaseResult } from '../shared/case-view';
import { MigrateMachineDto } from './migrate-machine.dto';

/** An admin moves a live case to another version of its machine; the body as sent. */
export class MigrateMachineCommand extends Command<CaseResult> {
  constructor(
    readonly actor: Actor,
    readonly caseId: string,
    readonly body: unknown,
    readonly request: CommandRequest = {},
  ) {
    super();
  }
}

/**
 * Records a MachineVersionChanged when the lifecycle's migration rules allow it (decideMigration),
 * through the same pipeline as every command (Idempotency-Key, If-Match, a lost race): the case keeps
 * its state and facts, and its later events are decided and recorded under the new machine.
 */
@CommandHandler(MigrateMachineCommand)
export class MigrateMachineHandler implements ICommandHandler<MigrateMachineCommand> {
  constructor(private readonly commands: CaseCommandService) {}

  execute({ actor, caseId, body, request }: MigrateMachineCommand): Promise<CaseResult> {
    return this.commands.run(actor, caseId, request, async (loaded) => {
      if (!actor.roles.includes('admin')) throw forbiddenRole('Moving a case to another machine version is for admins.', ['admin']);
      const payload = await validateBody(MigrateMachineDto, body);
      const to = { id: loaded.machine.id, version: payload.toVersion };
      return {
        content: { type: 'migrate-machine', payload },
        role: 'admin',
        decide: (now) => {
          const decision = decideMigration(loaded.snapshot, loaded.machine, to, { reason: payload.reason, now });
          if (!decision.allowed) throw new CaseError('MIGRATION_REFUSED', `The case cannot move to ${to.id} v${to.version}.`, { reasons: decision.reasons });
          return { events: [decision.event], then: migrateSnapshot(loaded.snapshot, loaded.machine, to), machine: to };
        },
      };
    });
  }
}
