import { CaseCommand } from '../shared/case-command';
import type { SignProposalDto } from './sign-proposal.dto';

export class SignProposalCommand extends CaseCommand<SignProposalDto> {
  readonly type = 'sign-proposal';
}
