import { ApiProperty } from '@nestjs/swagger';
import type { AssignOfficerPayload, IsoDate } from '../../lifecycle';
import { DateField, IsNested } from '../shared/validation';
import { OfficerDto } from '../shared/values.dto';

export class AssignOfficerDto implements AssignOfficerPayload {
  @ApiProperty({ type: () => OfficerDto, description: 'The case officer (handläggare) who prepares the case.' })
  @IsNested(() => OfficerDto)
  officer!: OfficerDto;

  @DateField('The day of assignment.', '2023-05-17')
  assignedOn!: IsoDate;
}
