import { caseCommandController } from '../shared/case-command.controller';
import { WithdrawCommand } from './withdraw.command';
import { WithdrawDto } from './withdraw.dto';

export class WithdrawController extends caseCommandController('withdraw', WithdrawDto, WithdrawCommand, 'Withdraw the application (the organisation)') {}
