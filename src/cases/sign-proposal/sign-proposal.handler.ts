import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandHandler } from '../shared/case-command.handler';
import { SignProposalCommand } from './sign-proposal.command';

@CommandHandler(SignProposalCommand)
export class SignProposalHandler extends CaseCommandHandler<SignProposalCommand> {}
