import createClient, { type Middleware } from 'openapi-fetch';
// The one source of the API's types: generated from the service's OpenAPI document by
// `npm run api:types`; test/e2e/generated-client.e2e.spec.ts fails when they are stale.
import type { components, paths } from '../../../test/support/iop-api';

export type Schemas = components['schemas'];
export type Actor = Schemas['SignedInActorDto'];
export type Role = Actor['roles'][number];
export type ErrorBody = Schemas['ErrorDto'];

let bearer: string | null = null;
let onUnauthenticated: () => void = () => undefined;

/** The signed-in person's token goes with every request; a 401 ends the session. */
export function setBearer(token: string | null, signedOut: () => void): void {
  bearer = token;
  onUnauthenticated = signedOut;
}

const auth: Middleware = {
  onRequest({ request }) {
    if (bearer) request.headers.set('Authorization', `Bearer ${bearer}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401 && bearer) onUnauthenticated();
    return response;
  },
};

/** The API at the app's own origin (the service serves both; `npm run dev:web` proxies). */
export const api = createClient<paths>({ baseUrl: '' });
api.use(auth);

/** An API refusal as the app shows it: its code, its (Swedish where the engine has one) message and details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | undefined,
  ) {
    super(body?.message ?? `HTTP ${status}`);
  }
}

/** The data of an openapi-fetch answer, or an ApiError: for TanStack Query's queryFn. */
export function dataOf<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data === undefined) throw new ApiError(result.response.status, result.error as ErrorBody | undefined);
  return result.data;
}
