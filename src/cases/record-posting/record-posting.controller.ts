import { caseCommandController } from '../shared/case-command.controller';
import { RecordPostingCommand } from './record-posting.command';
import { RecordPostingDto } from './record-posting.dto';

export class RecordPostingController extends caseCommandController('record-posting', RecordPostingDto, RecordPostingCommand, 'Record that the protocol was posted on the notice board (anslag); the appeal window starts') {}
