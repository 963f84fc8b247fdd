import { EngineError } from '../shared/engine-error';

/** The caller is not known (or names a tenant this engine does not serve), or may not do this (`details.required`: the roles that may). */
export class AccessDenied extends EngineError<'UNAUTHENTICATED' | 'FORBIDDEN_ROLE' | 'FORBIDDEN_ORGANISATION' | 'TENANT_UNKNOWN'> {}

/** FORBIDDEN_ROLE, naming the roles that may. */
export function forbiddenRole(message: string, required: readonly string[]): AccessDenied {
  return new AccessDenied('FORBIDDEN_ROLE', message, { required });
}
