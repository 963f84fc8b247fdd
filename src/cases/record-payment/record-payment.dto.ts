import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional } from 'class-validator';
import type { IsoDate, RecordPaymentPayload } from '../../lifecycle';
import { IsCalendarDate, IsNested, IsText } from '../shared/validation';
import { DateRangeDto } from '../shared/values.dto';

export class RecordPaymentDto implements RecordPaymentPayload {
  @ApiProperty({ type: 'integer', description: 'Whole kronor paid.', example: 472_200 })
  @IsInt()
  amount!: number;

  @ApiProperty({ description: 'The day of payment.', example: '2023-01-20', type: String, format: 'date' })
  @IsCalendarDate()
  paidOn!: IsoDate;

  @ApiProperty({ type: () => DateRangeDto, description: 'The period the payment is for; refunds on termination are pro rata over it.' })
  @IsNested(() => DateRangeDto)
  covers!: DateRangeDto;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'An invoice or voucher number.', example: 'Faktura 2023-117' })
  @IsOptional()
  @IsText()
  reference: string | null = null;
}
