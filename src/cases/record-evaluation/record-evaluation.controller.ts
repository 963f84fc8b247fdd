import { caseCommandController } from '../shared/case-command.controller';
import { RecordEvaluationCommand } from './record-evaluation.command';
import { RecordEvaluationDto } from './record-evaluation.dto';

export class RecordEvaluationController extends caseCommandController('record-evaluation', RecordEvaluationDto, RecordEvaluationCommand, 'Record the yearly evaluation') {}
