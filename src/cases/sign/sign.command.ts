import { CaseCommand } from '../shared/case-command';
import type { SignDto } from './sign.dto';

export class SignCommand extends CaseCommand<SignDto> {
  readonly type = 'sign';
}
