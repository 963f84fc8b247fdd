import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PARTY_ROLES, type IsoDate, type PartyRole, type SignPayload } from '../../lifecycle';
import { DateField, IsOrganisationNumber, NestedField } from '../shared/validation';
import { ORGANISATION_NUMBER_DOC, PARTY_ROLE_DOC, PersonDto, ReceiptDto, ReceiptField } from '../shared/values.dto';

/** One party's signature on the agreement; the parties sign in either order. */
export class SignDto implements SignPayload {
  @ApiProperty({ ...PARTY_ROLE_DOC, description: 'The party that signs.' })
  @IsIn(PARTY_ROLES)
  party!: PartyRole;

  @NestedField(() => PersonDto, "The party's signatory (firmatecknare).")
  signatory!: PersonDto;

  @ApiProperty({ ...ORGANISATION_NUMBER_DOC, description: "The signing party's organisationsnummer; it must match the party's." })
  @IsOrganisationNumber()
  organisationNumber!: string;

  @DateField('The day of signing.', '2023-11-28')
  signedOn!: IsoDate;

  @ReceiptField("the organisation's signature")
  receipt: ReceiptDto | null = null;
}
