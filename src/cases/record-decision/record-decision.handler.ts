import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandHandler } from '../shared/case-command.handler';
import { RecordDecisionCommand } from './record-decision.command';

@CommandHandler(RecordDecisionCommand)
export class RecordDecisionHandler extends CaseCommandHandler<RecordDecisionCommand> {}
