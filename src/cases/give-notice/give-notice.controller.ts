import { caseCommandController } from '../shared/case-command.controller';
import { GiveNoticeCommand } from './give-notice.command';
import { GiveNoticeDto } from './give-notice.dto';

export class GiveNoticeController extends caseCommandController('give-notice', GiveNoticeDto, GiveNoticeCommand, 'Record written notice of termination by either party') {}
