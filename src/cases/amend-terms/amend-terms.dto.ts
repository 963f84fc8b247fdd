import type { AmendTermsPayload, IsoDate } from '../../lifecycle';
import { DateField, NestedField, TextField } from '../shared/validation';
import { TermsDto } from '../shared/values.dto';

/** Terms changed in dialogue when conditions change materially; the new terms replace the old. */
export class AmendTermsDto implements AmendTermsPayload {
  @NestedField(() => TermsDto, 'The terms as amended, in full.')
  terms!: TermsDto;

  @TextField('Why the terms changed.', 'Utökat uppdrag med vittnesstöd vid tingsrätten.')
  reason!: string;

  @DateField('The day the parties agreed.', '2024-05-02')
  agreedOn!: IsoDate;
}
