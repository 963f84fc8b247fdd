import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandHandler } from '../shared/case-command.handler';
import { CloseIneligibleCommand } from './close-ineligible.command';

@CommandHandler(CloseIneligibleCommand)
export class CloseIneligibleHandler extends CaseCommandHandler<CloseIneligibleCommand> {}
