import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsIn, IsString } from 'class-validator';
import { ROLES, type Role } from '../../lifecycle';

export class OidcSettingsDto {
  @ApiProperty({
    example: 'https://idp.example.se',
    description: 'The identity provider (JWT_ISSUER): its discovery document is at /.well-known/openid-configuration.',
  })
  authority!: string;

  @ApiProperty({ example: 'iop-web', description: "The web app's client id (OIDC_CLIENT_ID)." })
  clientId!: string;

  @ApiProperty({ example: 'openid profile' })
  scope!: string;
}

export class DemoPersonDto {
  @ApiProperty({ example: 'jhonas.nilsson' })
  id!: string;

  @ApiProperty({ example: 'Jhonas Nilsson' })
  name!: string;

  @ApiProperty({ example: 'robertsfors' })
  tenant!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles!: Role[];

  @ApiPropertyOptional({ example: '802012-3454' })
  org?: string;

  @ApiPropertyOptional({ example: 'Brottsofferjouren i Umeå' })
  organisationName?: string;
}

export class SignInSettingsDto {
  @ApiProperty({ type: () => OidcSettingsDto, nullable: true, description: 'Sign in with the identity provider; null when none is configured.' })
  oidc!: OidcSettingsDto | null;

  @ApiProperty({ description: 'Whether local sign-in exists here (loopback, no identity provider).' })
  localSignIn!: boolean;

  @ApiProperty({ type: () => [DemoPersonDto], description: 'The people local sign-in offers; empty without it.' })
  demoPeople!: DemoPersonDto[];
}

export class LocalTokenRequestDto {
  @ApiProperty({ example: 'jhonas.nilsson' })
  @IsString()
  personId!: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['handlaggare'] })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(ROLES, { each: true })
  roles!: Role[];
}

export class LocalTokenDto {
  @ApiProperty({ description: 'A bearer token, valid for 8 hours.' })
  token!: string;
}

export class SignedInActorDto {
  @ApiProperty({ example: 'jhonas.nilsson' })
  id!: string;

  @ApiProperty({ example: 'Jhonas Nilsson' })
  name!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles!: Role[];

  @ApiProperty({ example: 'robertsfors' })
  tenant!: string;

  @ApiPropertyOptional({ example: '802012-3454' })
  organisationNumber?: string;
}
