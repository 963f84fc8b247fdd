import { caseCommandController } from '../shared/case-command.controller';
import { RecordDecisionCommand } from './record-decision.command';
import { RecordDecisionDto } from './record-decision.dto';

export class RecordDecisionController extends caseCommandController('record-decision', RecordDecisionDto, RecordDecisionCommand, 'Record the body\'s decision: approved, rejected, returned (återremiss), deferred or recommended to a higher body') {}
