import { Injectable } from '@nestjs/common';
import type { ICommandHandler } from '@nestjs/cqrs';
import type { CaseCommand } from './case-command';
import { CaseCommandService } from './case-command.service';
import type { LoadedCase } from './case-repository';
import type { CaseResult } from './case-view';

/**
 * A use case's handler: thin by design, the pipeline lives in {@link CaseCommandService}. A
 * handler overrides {@link domainPayload} when the engine adds to what the caller sent.
 */
@Injectable()
export abstract class CaseCommandHandler<C extends CaseCommand> implements ICommandHandler<CaseCommand> {
  constructor(protected readonly commands: CaseCommandService) {}

  execute(command: C): Promise<CaseResult> {
    return this.commands.execute(command, (loaded, now) => this.domainPayload(command, loaded, now));
  }

  protected domainPayload(command: C, _loaded: LoadedCase, _now: string): Promise<object> | object {
    return command.payload;
  }
}
