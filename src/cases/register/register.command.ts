import { CaseCommand } from '../shared/case-command';
import type { RegisterDto } from './register.dto';

export class RegisterCommand extends CaseCommand<RegisterDto> {
  readonly type = 'register';
}
