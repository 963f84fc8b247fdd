import { ApiProperty } from '@nestjs/swagger';
import { BODY_KINDS, type BodyKind } from '../lifecycle';

export class BodyDto {
  @ApiProperty({ example: 'KS' })
  code!: string;

  @ApiProperty({ example: 'Kommunstyrelsen' })
  name!: string;

  @ApiProperty({ enum: [...BODY_KINDS] })
  kind!: BodyKind;
}

export class MunicipalityDto {
  @ApiProperty({ example: 'osteraker' })
  tenant!: string;

  @ApiProperty({ example: 'Österåkers kommun' })
  name!: string;

  @ApiProperty({ example: '212000-0035' })
  organisationNumber!: string;

  @ApiProperty({ type: () => [BodyDto], description: 'Its deciding bodies (nämnder, utskott, fullmäktige).' })
  bodies!: BodyDto[];
}
