import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandHandler } from '../shared/case-command.handler';
import { DraftProposalCommand } from './draft-proposal.command';

@CommandHandler(DraftProposalCommand)
export class DraftProposalHandler extends CaseCommandHandler<DraftProposalCommand> {}
