import { Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '../lifecycle';
import { forbiddenRole } from './access-denied';
import type { AuthenticatedRequest } from './auth.guard';

interface Required {
  readonly roles: readonly Role[];
  readonly message: string;
}

const ROLES = 'iop:roles';

/**
 * The roles that may call a route, checked by {@link RolesGuard} before any pipe runs: a caller who
 * may not gets 403 FORBIDDEN_ROLE and never learns from a validation message what the body looks
 * like. Controllers use `RequireRoles` (src/cases/shared/require-roles.ts), which documents the 403 too.
 */
export const rolesMetadata = (roles: readonly Role[], message: string) => SetMetadata(ROLES, { roles, message } satisfies Required);

/** Runs after the {@link AuthGuard} (guards run before pipes): the route's {@link RequireRoles}, if any. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const required = this.reflector.getAllAndOverride<Required | undefined>(ROLES, [context.getHandler(), context.getClass()]);
    if (!required) return true;
    const { actor } = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!actor?.roles.some((role) => required.roles.includes(role))) throw forbiddenRole(required.message, required.roles);
    return true;
  }
}
