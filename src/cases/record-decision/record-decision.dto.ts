import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DECISION_OUTCOMES, type DecisionOutcome, type RecordDecisionPayload } from '../../lifecycle';
import { IsNested, IsText, OptionalTextField } from '../shared/validation';
import { DecidingBodyDto } from '../shared/values.dto';

/** The body's decision at the scheduled meeting. Optional fields left out are recorded as null. */
export class RecordDecisionDto implements RecordDecisionPayload {
  @ApiProperty({
    enum: [...DECISION_OUTCOMES],
    description: 'Approved, rejected, returned for more preparation (återremiss), deferred, or recommended to a higher body.',
    example: 'approved',
  })
  @IsIn(DECISION_OUTCOMES)
  outcome!: DecisionOutcome;

  @OptionalTextField('The protocol paragraph.', '§ 187')
  paragraph: string | null = null;

  @ApiPropertyOptional({ type: () => DecidingBodyDto, nullable: true, description: 'The higher body, when the outcome is `recommended`.' })
  @IsOptional()
  @IsNested(() => DecidingBodyDto)
  recommendedTo: DecidingBodyDto | null = null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The motivation, when the protocol gives one.',
    example: 'Utskottet rekommenderar kommunstyrelsen att ingå avtal.',
  })
  @IsOptional()
  @IsText()
  motivation: string | null = null;
}
