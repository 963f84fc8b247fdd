import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import type { IsoDate, RecordPaymentPayload } from '../../lifecycle';
import { DateField, IntegerField, IsNested, IsText } from '../shared/validation';
import { DateRangeDto } from '../shared/values.dto';

export class RecordPaymentDto implements RecordPaymentPayload {
  @IntegerField('Whole kronor paid.', 472_200)
  amount!: number;

  @DateField('The day of payment.', '2023-01-20')
  paidOn!: IsoDate;

  @ApiProperty({ type: () => DateRangeDto, description: 'The period the payment is for; refunds on termination are pro rata over it.' })
  @IsNested(() => DateRangeDto)
  covers!: DateRangeDto;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'An invoice or voucher number.', example: 'Faktura 2023-117' })
  @IsOptional()
  @IsText()
  reference: string | null = null;
}
