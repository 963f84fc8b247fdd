import { caseCommandController } from '../shared/case-command.controller';
import { DraftProposalCommand } from './draft-proposal.command';
import { DraftProposalDto } from './draft-proposal.dto';

export class DraftProposalController extends caseCommandController('draft-proposal', DraftProposalDto, DraftProposalCommand, 'Draft or revise the administration\'s proposal (tjänsteutlåtande)') {}
