import { ApiProperty } from '@nestjs/swagger';
import { IsInt } from 'class-validator';
import type { IsoDate, SubmitAnnualReportPayload } from '../../lifecycle';
import { IsCalendarDate } from '../shared/validation';

/** The organisation's yearly report of volunteer hours and use of funds. */
export class SubmitAnnualReportDto implements SubmitAnnualReportPayload {
  @ApiProperty({ type: 'integer', description: 'The calendar year reported on.', example: 2023 })
  @IsInt()
  year!: number;

  @ApiProperty({ type: 'integer', description: 'Volunteer hours worked in the year.', example: 1_512 })
  @IsInt()
  volunteerHours!: number;

  @ApiProperty({ type: 'integer', description: 'Whole kronor of the funding used in the year.', example: 472_200 })
  @IsInt()
  fundsUsed!: number;

  @ApiProperty({ description: 'The day the report was received.', example: '2024-02-15', type: String, format: 'date' })
  @IsCalendarDate()
  submittedOn!: IsoDate;
}
