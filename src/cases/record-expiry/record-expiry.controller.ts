import { caseCommandController } from '../shared/case-command.controller';
import { RecordExpiryCommand } from './record-expiry.command';
import { RecordExpiryDto } from './record-expiry.dto';

export class RecordExpiryController extends caseCommandController('record-expiry', RecordExpiryDto, RecordExpiryCommand, 'Record that the agreement period has ended; refused before the end date') {}
