import { CaseCommand } from '../shared/case-command';
import type { AmendTermsDto } from './amend-terms.dto';

export class AmendTermsCommand extends CaseCommand<AmendTermsDto> {
  readonly type = 'amend-terms';
}
