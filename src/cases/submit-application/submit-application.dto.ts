import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsEmail, IsEmpty, IsOptional } from 'class-validator';
import type { IsoDate, SubmitApplicationPayload } from '../../lifecycle';
import { DateField, IsNested, IsText, NestedField } from '../shared/validation';
import { PartyDto, TermsDto } from '../shared/values.dto';

/** The organisation's contact person: personal data, stored encrypted and erasable (see README, "Personal data"). */
export class ContactPersonInputDto {
  @ApiProperty({ example: 'Anna Berg' })
  @IsText()
  name!: string;

  @ApiProperty({ example: 'anna.berg@example.se', description: 'Also how an erasure request finds the person.' })
  @IsEmail()
  email!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '070-123 45 67' })
  @IsOptional()
  @IsText()
  phone?: string | null;
}

/**
 * An application (ansökan). What the engine knows is not the caller's to send: the municipality
 * party is the tenant's own, from its reference data (name and organisationsnummer; a request that
 * sends `municipality` is refused as an unknown field), `previousCaseId` is set on renewal, and the
 * contact person gets a data subject id.
 */
export class SubmitApplicationDto implements Omit<SubmitApplicationPayload, 'municipality' | 'previousCaseId' | 'contactPerson'> {
  /** Not part of the API (undocumented): there only to say why a client that still sends it is refused. */
  @IsEmpty({ message: "municipality is not sent: the municipality party is the tenant's own, from its reference data (GET /reference-data)" })
  municipality?: never;

  @NestedField(() => PartyDto, 'The applying non-profit organisation.')
  organisation!: PartyDto;

  @ApiProperty({
    description: 'What the partnership is for.',
    example: 'Samtalsstöd och vägledning till brottsutsatta, anhöriga och vittnen i Österåkers kommun',
  })
  @IsText()
  purpose!: string;

  @ApiProperty({ type: [String], description: 'The people the work is for.', example: ['Brottsutsatta', 'Anhöriga', 'Vittnen'] })
  @IsArray()
  @IsText({ each: true })
  targetGroups!: string[];

  @ApiProperty({ type: [String], description: 'What the organisation will do.', example: ['Samtalsstöd', 'Stöd inför, under och efter rättegång'] })
  @IsArray()
  @IsText({ each: true })
  activities!: string[];

  @NestedField(() => TermsDto, 'The requested terms; the proposal may change them.')
  terms!: TermsDto;

  @DateField('The day the application was received (inkom).', '2023-05-15')
  receivedOn!: IsoDate;

  @ApiPropertyOptional({ type: () => ContactPersonInputDto, nullable: true, description: "The organisation's contact person for this application." })
  @IsOptional()
  @IsNested(() => ContactPersonInputDto)
  contactPerson?: ContactPersonInputDto | null;
}
