import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandHandler } from '../shared/case-command.handler';
import type { LoadedCase } from '../shared/case-repository';
import { CompleteRenewalCommand } from './complete-renewal.command';

@CommandHandler(CompleteRenewalCommand)
export class CompleteRenewalHandler extends CaseCommandHandler<CompleteRenewalCommand> {
  /** The renewal case is the one start-renewal opened; the caller only says when it was signed. */
  protected override domainPayload(command: CompleteRenewalCommand, loaded: LoadedCase): object {
    return { ...command.payload, newCaseId: loaded.snapshot.context.renewal?.newCaseId ?? null };
  }
}
