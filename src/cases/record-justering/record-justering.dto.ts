import { ApiProperty } from '@nestjs/swagger';
import type { IsoDate, RecordJusteringPayload } from '../../lifecycle';
import { IsCalendarDate } from '../shared/validation';

export class RecordJusteringDto implements RecordJusteringPayload {
  @ApiProperty({ description: 'The day the protocol was checked and signed (justerat).', example: '2023-09-08', type: String, format: 'date' })
  @IsCalendarDate()
  justeradOn!: IsoDate;
}
