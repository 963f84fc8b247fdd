import type { CloseIneligiblePayload, IsoDate } from '../../lifecycle';
import { DateField, TextField } from '../shared/validation';

export class CloseIneligibleDto implements CloseIneligiblePayload {
  @DateField('The day the case was closed.', '2023-06-20')
  closedOn!: IsoDate;

  @TextField('Why the matter is not for an IOP.', 'Tjänsten ska upphandlas enligt LOU.')
  reason!: string;
}
