import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandHandler } from '../shared/case-command.handler';
import { SignCommand } from './sign.command';

@CommandHandler(SignCommand)
export class SignHandler extends CaseCommandHandler<SignCommand> {}
