import { ApiProperty } from '@nestjs/swagger';
import type { AmendTermsPayload, IsoDate } from '../../lifecycle';
import { DateField, IsNested, IsText } from '../shared/validation';
import { TermsDto } from '../shared/values.dto';

/** Terms changed in dialogue when conditions change materially; the new terms replace the old. */
export class AmendTermsDto implements AmendTermsPayload {
  @ApiProperty({ type: () => TermsDto, description: 'The terms as amended, in full.' })
  @IsNested(() => TermsDto)
  terms!: TermsDto;

  @ApiProperty({ description: 'Why the terms changed.', example: 'Utökat uppdrag med vittnesstöd vid tingsrätten.' })
  @IsText()
  reason!: string;

  @DateField('The day the parties agreed.', '2024-05-02')
  agreedOn!: IsoDate;
}
