import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandHandler } from '../shared/case-command.handler';
import { RecordEvaluationCommand } from './record-evaluation.command';

@CommandHandler(RecordEvaluationCommand)
export class RecordEvaluationHandler extends CaseCommandHandler<RecordEvaluationCommand> {}
