import { caseCommandController } from '../shared/case-command.controller';
import { RecordFinalCommand } from './record-final.command';
import { RecordFinalDto } from './record-final.dto';

export class RecordFinalController extends caseCommandController('record-final', RecordFinalDto, RecordFinalCommand, 'Record that the decision has gained legal force (laga kraft); refused before the appeal window has closed') {}
