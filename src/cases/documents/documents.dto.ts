import { ApiProperty } from '@nestjs/swagger';
import { DOCUMENT_KINDS, type DocumentKind } from '../../lifecycle';

export const DOCUMENT_STATUSES = ['draft', 'final'] as const;

/** The event with which a document left the engine, and the hash it recorded. */
export class IssuedDocumentDto {
  @ApiProperty({ example: '13', description: 'The revision of the event that sent, signed or published it.' })
  revision!: string;

  @ApiProperty({
    example: 'AgreementSigned',
    description: 'That event: CaseRegistered, ProposalSigned, PostingRecorded, AgreementSigned or ReportBackSubmitted.',
  })
  event!: string;

  @ApiProperty({ format: 'date-time', description: 'When the event was recorded.' })
  recordedAt!: string;

  @ApiProperty({ type: 'integer', example: 1, description: 'The version of the template that made it.' })
  version!: number;

  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', description: 'The sha256 of the PDF, as the event recorded it.' })
  sha256!: string;
}

/** A document the case has reached. */
export class CaseDocumentDto {
  @ApiProperty({
    enum: DOCUMENT_KINDS,
    description:
      'kvittens (on registration), tjansteutlatande (the proposal), protokollsutdrag (the decision), overenskommelse (the agreement), aterrapport (to the board).',
  })
  kind!: DocumentKind;

  @ApiProperty({ example: 'Överenskommelse', description: 'Its name in Swedish.' })
  name!: string;

  @ApiProperty({
    enum: DOCUMENT_STATUSES,
    description: 'draft: watermarked, made from the case as it is now; final: from the step that sends, signs or publishes it on.',
  })
  status!: (typeof DOCUMENT_STATUSES)[number];

  @ApiProperty({ example: '/cases/0b6f2f4e-7a1c-4e0e-9a55-3d1f7f0c2a10/documents/overenskommelse', description: 'Where its PDF is.' })
  href!: string;

  @ApiProperty({
    type: () => IssuedDocumentDto,
    nullable: true,
    description: 'The event that issued it and the hash it recorded; null for a draft (or a document final before the engine recorded documents).',
  })
  issued!: IssuedDocumentDto | null;
}
