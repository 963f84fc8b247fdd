import type { AmendTermsPayload, IsoDate } from '../../lifecycle';
import { DateField, NestedField, TextField } from '../shared/validation';
import { TermsDto } from '../shared/values.dto';

/** Terms changed in dialogue when conditions change materially; the new terms replace the old from `effectiveFrom`. */
export class AmendTermsDto implements AmendTermsPayload {
  @NestedField(() => TermsDto, 'The terms as amended, in full.')
  terms!: TermsDto;

  @TextField('Why the terms changed.', 'Utökat uppdrag med vittnesstöd vid tingsrätten.')
  reason!: string;

  @DateField('The day the parties agreed.', '2024-05-02')
  agreedOn!: IsoDate;

  @DateField(
    'The day the amended terms apply from, within the period: the payment plan follows the earlier terms before it (a year split by it is shared by days).',
    '2024-07-01',
  )
  effectiveFrom!: IsoDate;
}
