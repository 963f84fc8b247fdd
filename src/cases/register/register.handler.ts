import { CommandHandler } from '@nestjs/cqrs';
import { decide, type Command } from '../../lifecycle';
import { CaseCommandHandler } from '../shared/case-command.handler';
import { CaseCommandService } from '../shared/case-command.service';
import type { LoadedCase } from '../shared/case-repository';
import { Diarium } from './diarium';
import { RegisterCommand } from './register.command';

@CommandHandler(RegisterCommand)
export class RegisterHandler extends CaseCommandHandler<RegisterCommand> {
  constructor(
    commands: CaseCommandService,
    private readonly diarium: Diarium,
  ) {
    super(commands);
  }

  /** The engine gives the diarienummer — but only once the case could take it, so a refusal leaves no gap in the series. */
  protected override async domainPayload(command: RegisterCommand, loaded: LoadedCase, now: string): Promise<object> {
    const { actor, payload: { bodyCode, registeredOn } } = command;
    const preview = await this.diarium.preview(actor, bodyCode, registeredOn);
    decide(loaded.snapshot, { type: 'register', now, diarienummer: preview, registeredOn } as Command);
    return { diarienummer: await this.diarium.allocate(command.actor, bodyCode, registeredOn, loaded.id), registeredOn };
  }
}
