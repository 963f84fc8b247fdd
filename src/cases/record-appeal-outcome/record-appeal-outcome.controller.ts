import { caseCommandController } from '../shared/case-command.controller';
import { RecordAppealOutcomeCommand } from './record-appeal-outcome.command';
import { RecordAppealOutcomeDto } from './record-appeal-outcome.dto';

export class RecordAppealOutcomeController extends caseCommandController('record-appeal-outcome', RecordAppealOutcomeDto, RecordAppealOutcomeCommand, 'Record the court\'s outcome of the appeal: upheld or quashed') {}
