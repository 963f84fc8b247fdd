import { Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AccessDenied } from './access-denied';
import type { Actor } from './actor';
import { TokenVerifier } from './token-verifier';

const PUBLIC = 'iop:public';
/** Marks a route that needs no bearer token (health, API docs). */
export const Public = () => SetMetadata(PUBLIC, true);

export type AuthenticatedRequest = Request & { actor: Actor };

/** Every route needs a valid bearer token unless marked {@link Public}. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw new AccessDenied('UNAUTHENTICATED', 'Send a bearer token: Authorization: Bearer <token>.');
    request.actor = await this.verifier.verify(token);
    return true;
  }
}
