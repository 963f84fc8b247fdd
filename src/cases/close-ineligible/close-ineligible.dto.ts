import { ApiProperty } from '@nestjs/swagger';
import type { CloseIneligiblePayload, IsoDate } from '../../lifecycle';
import { DateField, IsText } from '../shared/validation';

export class CloseIneligibleDto implements CloseIneligiblePayload {
  @DateField('The day the case was closed.', '2023-06-20')
  closedOn!: IsoDate;

  @ApiProperty({ description: 'Why the matter is not for an IOP.', example: 'Tjänsten ska upphandlas enligt LOU.' })
  @IsText()
  reason!: string;
}
