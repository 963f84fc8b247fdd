import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandHandler } from '../shared/case-command.handler';
import { ClaimRepaymentCommand } from './claim-repayment.command';

@CommandHandler(ClaimRepaymentCommand)
export class ClaimRepaymentHandler extends CaseCommandHandler<ClaimRepaymentCommand> {}
