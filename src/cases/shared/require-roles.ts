import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { rolesMetadata } from '../../auth/roles.guard';
import type { Role } from '../../lifecycle';
import { ErrorDto } from './case-result.dto';

/**
 * Only callers with one of `roles` reach the route: checked by the global RolesGuard before the
 * body or query is validated, and documented as the route's 403, so the roles are said once.
 */
export const RequireRoles = (roles: readonly Role[], message: string) =>
  applyDecorators(rolesMetadata(roles, message), ApiResponse({ status: 403, type: ErrorDto, description: `FORBIDDEN_ROLE: ${message}` }));
