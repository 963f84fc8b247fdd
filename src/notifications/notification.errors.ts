import { EngineError } from '../shared/engine-error';

export class NotificationError extends EngineError<'NOTIFICATION_NOT_FOUND' | 'NOTIFICATION_NOT_FAILED'> {}
