import { CaseCommand } from '../shared/case-command';
import type { DraftProposalDto } from './draft-proposal.dto';

export class DraftProposalCommand extends CaseCommand<DraftProposalDto> {
  readonly type = 'draft-proposal';
}
