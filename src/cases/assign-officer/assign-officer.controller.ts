import { caseCommandController } from '../shared/case-command.controller';
import { AssignOfficerCommand } from './assign-officer.command';
import { AssignOfficerDto } from './assign-officer.dto';

export class AssignOfficerController extends caseCommandController('assign-officer', AssignOfficerDto, AssignOfficerCommand, 'Assign (or reassign) the case officer (handläggare)') {}
