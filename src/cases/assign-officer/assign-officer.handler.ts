import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandHandler } from '../shared/case-command.handler';
import { AssignOfficerCommand } from './assign-officer.command';

@CommandHandler(AssignOfficerCommand)
export class AssignOfficerHandler extends CaseCommandHandler<AssignOfficerCommand> {}
