import type { IsoDate, SignProposalPayload } from '../../lifecycle';
import { DateField, NestedField } from '../shared/validation';
import { PersonDto } from '../shared/values.dto';

export class SignProposalDto implements SignProposalPayload {
  @NestedField(() => PersonDto, 'The director (förvaltningschef, direktör) who signs the proposal.')
  signedBy!: PersonDto;

  @DateField('The day of signing.', '2023-08-11')
  signedOn!: IsoDate;
}
