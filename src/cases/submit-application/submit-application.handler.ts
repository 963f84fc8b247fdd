import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandHandler } from '../shared/case-command.handler';
import { SubmitApplicationCommand } from './submit-application.command';

@CommandHandler(SubmitApplicationCommand)
export class SubmitApplicationHandler extends CaseCommandHandler<SubmitApplicationCommand> {
  /** A case submitted through the API renews nothing; renewals are opened by start-renewal. */
  protected override domainPayload(command: SubmitApplicationCommand): object {
    return { ...command.payload, previousCaseId: null };
  }
}
