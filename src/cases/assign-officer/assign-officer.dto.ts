import type { AssignOfficerPayload, IsoDate } from '../../lifecycle';
import { DateField, NestedField } from '../shared/validation';
import { OfficerDto } from '../shared/values.dto';

export class AssignOfficerDto implements AssignOfficerPayload {
  @NestedField(() => OfficerDto, 'The case officer (handläggare) who prepares the case.')
  officer!: OfficerDto;

  @DateField('The day of assignment.', '2023-05-17')
  assignedOn!: IsoDate;
}
