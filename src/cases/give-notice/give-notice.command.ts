import { CaseCommand } from '../shared/case-command';
import type { GiveNoticeDto } from './give-notice.dto';

export class GiveNoticeCommand extends CaseCommand<GiveNoticeDto> {
  readonly type = 'give-notice';
}
