import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DECISION_OUTCOMES, type DecisionOutcome, type RecordDecisionPayload } from '../../lifecycle';
import { IsBodyCode, IsText, OptionalTextField } from '../shared/validation';
import { BODY_CODE_DOC } from '../shared/values.dto';

/**
 * The body's decision at the scheduled meeting (the meeting's body decides). A recommendation names
 * the higher body by its code; the engine takes that body from the tenant's reference data. Optional
 * fields left out are recorded as null.
 */
export class RecordDecisionDto implements Omit<RecordDecisionPayload, 'recommendedTo'> {
  @ApiProperty({
    enum: [...DECISION_OUTCOMES],
    description: 'Approved, rejected, returned for more preparation (återremiss), deferred, or recommended to a higher body.',
    example: 'approved',
  })
  @IsIn(DECISION_OUTCOMES)
  outcome!: DecisionOutcome;

  @OptionalTextField('The protocol paragraph.', '§ 187')
  paragraph: string | null = null;

  @ApiPropertyOptional({
    ...BODY_CODE_DOC,
    type: String,
    nullable: true,
    description: "The code of the higher body, when the outcome is `recommended`: one of the tenant's bodies (GET /reference-data).",
    example: 'KS',
  })
  @IsOptional()
  @IsBodyCode()
  recommendedTo: string | null = null;

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
