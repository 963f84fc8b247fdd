import { Body, Controller, Get, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor } from '../../auth/actor';
import { Public } from '../../auth/auth.guard';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { DEMO_PEOPLE, localSignInAllowed, mintLocalToken } from '../../auth/local-sign-in';
import { ErrorDto } from '../../cases/shared/case-result.dto';
import { validationPipe } from '../../cases/shared/case-command.controller';
import { AppConfig } from '../../config/app-config';
import { SignedInActorDto, LocalTokenDto, LocalTokenRequestDto, SignInSettingsDto } from './sign-in.dto';

/** What the web app needs to sign a person in: the identity provider, or local sign-in on a developer's machine. */
@ApiTags('Sign-in')
@Controller('auth')
export class SignInController {
  constructor(private readonly config: AppConfig) {}

  @Public()
  @Get('config')
  @ApiOperation({ operationId: 'signInSettings', summary: 'How the web app signs people in (public)' })
  @ApiOkResponse({ type: SignInSettingsDto })
  settings(@Req() request: Request): SignInSettingsDto {
    const { JWT_ISSUER, OIDC_CLIENT_ID, OIDC_SCOPE } = this.config;
    const local = localSignInAllowed(this.config, request.socket.remoteAddress);
    return {
      oidc: JWT_ISSUER && OIDC_CLIENT_ID ? { authority: JWT_ISSUER, clientId: OIDC_CLIENT_ID, scope: OIDC_SCOPE } : null,
      localSignIn: local,
      demoPeople: local ? DEMO_PEOPLE.map((person) => ({ ...person, roles: [...person.roles] })) : [],
    };
  }

  @Public()
  @Post('local-token')
  @ApiOperation({ operationId: 'localSignIn', summary: 'A bearer token for a demo person (only on loopback with no identity provider)' })
  @ApiResponse({ status: 201, type: LocalTokenDto })
  @ApiResponse({ status: 403, type: ErrorDto, description: 'LOCAL_SIGN_IN_DISABLED, or FORBIDDEN_ROLE: a role the person does not have.' })
  async localToken(@Req() request: Request, @Body(validationPipe(LocalTokenRequestDto)) body: LocalTokenRequestDto): Promise<LocalTokenDto> {
    return { token: await mintLocalToken(this.config, request.socket.remoteAddress, body.personId, body.roles) };
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOperation({ operationId: 'whoAmI', summary: 'The signed-in caller, as the service sees their token' })
  @ApiOkResponse({ type: SignedInActorDto })
  @ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHENTICATED' })
  me(@CurrentActor() actor: Actor): SignedInActorDto {
    return { ...actor, roles: [...actor.roles] };
  }
}
