import { caseCommandController } from '../shared/case-command.controller';
import { RecordTerminationCommand } from './record-termination.command';
import { RecordTerminationDto } from './record-termination.dto';

export class RecordTerminationController extends caseCommandController('record-termination', RecordTerminationDto, RecordTerminationCommand, 'Record the termination at the end of the notice period; refused before that date') {}
