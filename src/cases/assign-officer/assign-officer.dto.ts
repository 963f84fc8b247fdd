import { ApiProperty } from '@nestjs/swagger';
import type { AssignOfficerPayload, IsoDate } from '../../lifecycle';
import { IsCalendarDate, IsNested } from '../shared/validation';
import { OfficerDto } from '../shared/values.dto';

export class AssignOfficerDto implements AssignOfficerPayload {
  @ApiProperty({ type: () => OfficerDto, description: 'The case officer (handläggare) who prepares the case.' })
  @IsNested(() => OfficerDto)
  officer!: OfficerDto;

  @ApiProperty({ description: 'The day of assignment.', example: '2023-05-17', type: String, format: 'date' })
  @IsCalendarDate()
  assignedOn!: IsoDate;
}
