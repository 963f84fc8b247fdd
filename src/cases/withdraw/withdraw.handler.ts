import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandHandler } from '../shared/case-command.handler';
import { WithdrawCommand } from './withdraw.command';

@CommandHandler(WithdrawCommand)
export class WithdrawHandler extends CaseCommandHandler<WithdrawCommand> {}
