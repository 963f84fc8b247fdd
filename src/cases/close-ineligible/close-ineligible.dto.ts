import { ApiProperty } from '@nestjs/swagger';
import type { CloseIneligiblePayload, IsoDate } from '../../lifecycle';
import { IsCalendarDate, IsText } from '../shared/validation';

export class CloseIneligibleDto implements CloseIneligiblePayload {
  @ApiProperty({ description: 'The day the case was closed.', example: '2023-06-20', type: String, format: 'date' })
  @IsCalendarDate()
  closedOn!: IsoDate;

  @ApiProperty({ description: 'Why the matter is not for an IOP.', example: 'Tjänsten ska upphandlas enligt LOU.' })
  @IsText()
  reason!: string;
}
