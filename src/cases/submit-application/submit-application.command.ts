import { CaseCommand } from '../shared/case-command';
import type { SubmitApplicationDto } from './submit-application.dto';

/** Opens a new case; its id is chosen by the API (from the Idempotency-Key when one is given). */
export class SubmitApplicationCommand extends CaseCommand<SubmitApplicationDto> {
  readonly type = 'submit-application';
}
