import { caseCommandController } from '../shared/case-command.controller';
import { ClaimRepaymentCommand } from './claim-repayment.command';
import { ClaimRepaymentDto } from './claim-repayment.dto';

export class ClaimRepaymentController extends caseCommandController('claim-repayment', ClaimRepaymentDto, ClaimRepaymentCommand, 'Claim repayment of misused funds') {}
