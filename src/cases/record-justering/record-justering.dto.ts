import type { IsoDate, RecordJusteringPayload } from '../../lifecycle';
import { DateField } from '../shared/validation';

export class RecordJusteringDto implements RecordJusteringPayload {
  @DateField('The day the protocol was checked and signed (justerat).', '2023-09-08')
  justeradOn!: IsoDate;
}
