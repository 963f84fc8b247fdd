import { EngineError } from '../../shared/engine-error';

export class FeedTokenError extends EngineError<'FEED_TOKEN_INVALID' | 'FEED_TOKEN_REVOKED' | 'FEED_TOKEN_NOT_FOUND'> {}
