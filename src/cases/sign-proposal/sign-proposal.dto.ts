import { ApiProperty } from '@nestjs/swagger';
import type { IsoDate, SignProposalPayload } from '../../lifecycle';
import { DateField, IsNested } from '../shared/validation';
import { PersonDto } from '../shared/values.dto';

export class SignProposalDto implements SignProposalPayload {
  @ApiProperty({ type: () => PersonDto, description: 'The director (förvaltningschef, direktör) who signs the proposal.' })
  @IsNested(() => PersonDto)
  signedBy!: PersonDto;

  @DateField('The day of signing.', '2023-08-11')
  signedOn!: IsoDate;
}
