import { CaseCommand } from '../shared/case-command';
import type { CloseIneligibleDto } from './close-ineligible.dto';

export class CloseIneligibleCommand extends CaseCommand<CloseIneligibleDto> {
  readonly type = 'close-ineligible';
}
