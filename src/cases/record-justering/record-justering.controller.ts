import { caseCommandController } from '../shared/case-command.controller';
import { RecordJusteringCommand } from './record-justering.command';
import { RecordJusteringDto } from './record-justering.dto';

export class RecordJusteringController extends caseCommandController('record-justering', RecordJusteringDto, RecordJusteringCommand, 'Record that the meeting\'s protocol was checked and signed (justering)') {}
