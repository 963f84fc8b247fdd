import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../auth/actor';
import type { CommandRequest } from '../shared/case-command';
import type { CaseResult } from '../shared/case-view';
import type { MigrateMachineDto } from './migrate-machine.dto';

/** An admin moves a live case to another version of its machine. */
export class MigrateMachineCommand extends Command<CaseResult> {
  constructor(
    readonly actor: Actor,
    readonly caseId: string,
    readonly payload: MigrateMachineDto,
    readonly request: CommandRequest = {},
  ) {
    super();
  }
}
