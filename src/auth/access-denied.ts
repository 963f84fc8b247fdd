import { EngineError } from '../shared/engine-error';

/**
 * The caller is not known (or names a tenant this engine does not serve), or may not do this
 * (`details.required`: the roles that may); LOCAL_SIGN_IN_DISABLED: local tokens are minted only on
 * loopback with no identity provider.
 */
export class AccessDenied extends EngineError<'UNAUTHENTICATED' | 'FORBIDDEN_ROLE' | 'FORBIDDEN_ORGANISATION' | 'TENANT_UNKNOWN' | 'LOCAL_SIGN_IN_DISABLED'> {}

/** FORBIDDEN_ROLE, naming the roles that may. */
export function forbiddenRole(message: string, required: readonly string[]): AccessDenied {
  return new AccessDenied('FORBIDDEN_ROLE', message, { required });
}
