import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandHandler } from '../shared/case-command.handler';
import { GiveNoticeCommand } from './give-notice.command';

@CommandHandler(GiveNoticeCommand)
export class GiveNoticeHandler extends CaseCommandHandler<GiveNoticeCommand> {}
