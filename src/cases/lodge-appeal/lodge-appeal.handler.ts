import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandHandler } from '../shared/case-command.handler';
import { LodgeAppealCommand } from './lodge-appeal.command';

@CommandHandler(LodgeAppealCommand)
export class LodgeAppealHandler extends CaseCommandHandler<LodgeAppealCommand> {}
