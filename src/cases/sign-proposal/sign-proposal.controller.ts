import { caseCommandController } from '../shared/case-command.controller';
import { SignProposalCommand } from './sign-proposal.command';
import { SignProposalDto } from './sign-proposal.dto';

export class SignProposalController extends caseCommandController('sign-proposal', SignProposalDto, SignProposalCommand, 'Sign the proposal as director (förvaltningschef)') {}
