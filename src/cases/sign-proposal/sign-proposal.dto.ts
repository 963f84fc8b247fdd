import { ApiProperty } from '@nestjs/swagger';
import type { IsoDate, SignProposalPayload } from '../../lifecycle';
import { IsCalendarDate, IsNested } from '../shared/validation';
import { PersonDto } from '../shared/values.dto';

export class SignProposalDto implements SignProposalPayload {
  @ApiProperty({ type: () => PersonDto, description: 'The director (förvaltningschef, direktör) who signs the proposal.' })
  @IsNested(() => PersonDto)
  signedBy!: PersonDto;

  @ApiProperty({ description: 'The day of signing.', example: '2023-08-11', type: String, format: 'date' })
  @IsCalendarDate()
  signedOn!: IsoDate;
}
