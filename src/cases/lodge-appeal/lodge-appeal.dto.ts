import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import type { IsoDate, LodgeAppealPayload } from '../../lifecycle';
import { DateField, IsText } from '../shared/validation';

/** An appeal against the decision (laglighetsprövning). */
export class LodgeAppealDto implements LodgeAppealPayload {
  @DateField('The day the appeal was lodged.', '2023-09-25')
  lodgedOn!: IsoDate;

  @ApiProperty({ description: 'The court that tries the appeal.', example: 'Förvaltningsrätten i Stockholm' })
  @IsText()
  court!: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: "The court's case number, once known.", example: '12345-23' })
  @IsOptional()
  @IsText()
  caseReference: string | null = null;
}
