import type { IsoDate, RecordPostingPayload } from '../../lifecycle';
import { DateField } from '../shared/validation';

/** The engine computes the end of the appeal window from the posting date. */
export class RecordPostingDto implements RecordPostingPayload {
  @DateField('The day the protocol was posted on the notice board (anslag).', '2023-09-11')
  postedOn!: IsoDate;
}
