import { ApiProperty } from '@nestjs/swagger';
import { IsArray } from 'class-validator';
import type { DraftProposalPayload, IsoDate } from '../../lifecycle';
import { DateField, IsText, NestedField, TextField } from '../shared/validation';
import { TermsDto } from '../shared/values.dto';

/** The administration's proposal (tjänsteutlåtande), a first draft or a revision. */
export class DraftProposalDto implements DraftProposalPayload {
  @ApiProperty({
    description: "The proposal's title.",
    example: 'Överenskommelse om Idéburet Offentligt Partnerskap (IOP) mellan Österåkers kommun och Brottsofferjouren Roslagen',
  })
  @IsText()
  title!: string;

  @ApiProperty({
    description: 'The summary (sammanfattning).',
    example: 'Brottsofferjouren Roslagen vill ingå ett IOP med kommunen, vilket kommunen ställer sig positiv till.',
  })
  @IsText()
  summary!: string;

  @ApiProperty({
    type: [String],
    description: 'The decision points (beslutspunkter), in order.',
    example: ['Godkänna bifogade IOP-överenskommelse mellan Österåkers kommun och Brottsofferjouren Roslagen.'],
  })
  @IsArray()
  @IsText({ each: true })
  decisionPoints!: string[];

  @TextField('How the agreement is financed.', 'Kostnaden ska belasta Kommunstyrelsens budgetram.')
  financing!: string;

  @NestedField(() => TermsDto, 'The proposed terms; they become the case’s terms.')
  terms!: TermsDto;

  @ApiProperty({
    type: [String],
    description: 'The attachments (bilagor).',
    example: ['Överenskommelse om IOP mellan Österåkers kommun och Brottsofferjouren Roslagen'],
  })
  @IsArray()
  @IsText({ each: true })
  attachments!: string[];

  @DateField('The day of the draft.', '2023-08-10')
  draftedOn!: IsoDate;
}
