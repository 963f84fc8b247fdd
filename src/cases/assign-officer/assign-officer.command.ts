import { CaseCommand } from '../shared/case-command';
import type { AssignOfficerDto } from './assign-officer.dto';

export class AssignOfficerCommand extends CaseCommand<AssignOfficerDto> {
  readonly type = 'assign-officer';
}
