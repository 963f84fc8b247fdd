import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandHandler } from '../shared/case-command.handler';
import { RecordAppealOutcomeCommand } from './record-appeal-outcome.command';

@CommandHandler(RecordAppealOutcomeCommand)
export class RecordAppealOutcomeHandler extends CaseCommandHandler<RecordAppealOutcomeCommand> {}
