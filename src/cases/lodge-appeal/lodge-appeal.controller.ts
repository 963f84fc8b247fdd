import { caseCommandController } from '../shared/case-command.controller';
import { LodgeAppealCommand } from './lodge-appeal.command';
import { LodgeAppealDto } from './lodge-appeal.dto';

export class LodgeAppealController extends caseCommandController('lodge-appeal', LodgeAppealDto, LodgeAppealCommand, 'Record an appeal against the decision (laglighetsprövning)') {}
