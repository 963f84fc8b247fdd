import { EngineError } from '../shared/engine-error';

/**
 * A request refused at the HTTP edge, before any handler sees it: a body that is too large or not
 * JSON we will parse (too deep, malformed), or a caller over its rate limit.
 */
export class RequestRefused extends EngineError<'PAYLOAD_TOO_LARGE' | 'MALFORMED_BODY' | 'RATE_LIMITED'> {}
