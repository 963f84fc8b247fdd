import { CaseCommand } from '../shared/case-command';
import type { RecordExpiryDto } from './record-expiry.dto';

export class RecordExpiryCommand extends CaseCommand<RecordExpiryDto> {
  readonly type = 'record-expiry';
}
