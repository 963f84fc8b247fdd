import { Catch, HttpException, HttpStatus, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { Logger } from 'pino';
import type { AccessDenied } from '../auth/access-denied';
import type { CaseError } from '../cases/shared/case-error';
import type { FeedTokenError } from '../deadlines/feed/feed-token.errors';
import type { RequestRefused } from '../http';
import { EventStoreError } from '../event-store/event-store.errors';
import { LifecycleError } from '../lifecycle';
import { LOGGER } from '../logging/logger';
import type { NotificationError } from '../notifications/notification.errors';
import type { PersonalDataError } from '../personal-data/personal-data.errors';
import type { ReferenceDataError } from '../reference-data/reference-data.errors';
import type { SavedViewError } from '../saved-views/saved-view.errors';
import { EngineError, type InvalidInput } from '../shared/engine-error';

/** Every code the engine's errors carry: a code added to any family must be given a status below, or this does not compile. */
type ErrorCode =
  | LifecycleError['code']
  | EventStoreError['code']
  | InvalidInput['code']
  | AccessDenied['code']
  | CaseError['code']
  | PersonalDataError['code']
  | NotificationError['code']
  | FeedTokenError['code']
  | RequestRefused['code']
  | SavedViewError['code']
  | ReferenceDataError['code'];

/** Every error code the API can answer with, and its status: the one place codes meet HTTP. */
const STATUS: Record<ErrorCode, HttpStatus> = {
  VALIDATION_FAILED: HttpStatus.BAD_REQUEST,
  INVALID_EVENT: HttpStatus.BAD_REQUEST,
  INVALID_DATE_RANGE: HttpStatus.BAD_REQUEST,
  MALFORMED_BODY: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FEED_TOKEN_INVALID: HttpStatus.UNAUTHORIZED,
  FORBIDDEN_ROLE: HttpStatus.FORBIDDEN,
  FORBIDDEN_ORGANISATION: HttpStatus.FORBIDDEN,
  FEED_TOKEN_REVOKED: HttpStatus.FORBIDDEN,
  TENANT_UNKNOWN: HttpStatus.FORBIDDEN,
  VIEW_NOT_OWNED: HttpStatus.FORBIDDEN,
  VIEW_NOT_SHAREABLE: HttpStatus.FORBIDDEN,
  LOCAL_SIGN_IN_DISABLED: HttpStatus.FORBIDDEN,
  CASE_NOT_FOUND: HttpStatus.NOT_FOUND,
  DATA_SUBJECT_NOT_FOUND: HttpStatus.NOT_FOUND,
  NOTIFICATION_NOT_FOUND: HttpStatus.NOT_FOUND,
  FEED_TOKEN_NOT_FOUND: HttpStatus.NOT_FOUND,
  VIEW_NOT_FOUND: HttpStatus.NOT_FOUND,
  INDEX_SERIES_NOT_FOUND: HttpStatus.NOT_FOUND,
  TRANSITION_NOT_ALLOWED: HttpStatus.CONFLICT,
  CASE_CHANGED: HttpStatus.CONFLICT,
  WRONG_EXPECTED_VERSION: HttpStatus.CONFLICT,
  EVENT_ID_CONFLICT: HttpStatus.CONFLICT,
  DATA_SUBJECT_ERASED: HttpStatus.CONFLICT,
  NOTIFICATION_NOT_FAILED: HttpStatus.CONFLICT,
  // The tenant is not set up for this yet: an administrator's task, not the request's fault.
  REFERENCE_DATA_MISSING: HttpStatus.CONFLICT,
  PRECONDITION_FAILED: HttpStatus.PRECONDITION_FAILED,
  VIEW_CHANGED: HttpStatus.PRECONDITION_FAILED,
  RULE_VIOLATED: HttpStatus.UNPROCESSABLE_ENTITY,
  IDEMPOTENCY_KEY_REUSED: HttpStatus.UNPROCESSABLE_ENTITY,
  MIGRATION_REFUSED: HttpStatus.UNPROCESSABLE_ENTITY,
  PAYLOAD_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  RATE_LIMITED: HttpStatus.TOO_MANY_REQUESTS,
  // A stored history that does not fit the engine, or unreadable personal data: our fault, not the caller's.
  EVENT_NOT_APPLICABLE: HttpStatus.INTERNAL_SERVER_ERROR,
  UNKNOWN_MACHINE_VERSION: HttpStatus.INTERNAL_SERVER_ERROR,
  UNSUPPORTED_SCHEMA_VERSION: HttpStatus.INTERNAL_SERVER_ERROR,
  MACHINE_MISMATCH: HttpStatus.INTERNAL_SERVER_ERROR,
  PERSONAL_DATA_UNREADABLE: HttpStatus.INTERNAL_SERVER_ERROR,
};

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}

/** Answers every error as `{ statusCode, code, message, details }`. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const body = this.toBody(error);
    if (body.statusCode >= 500) this.logger.error({ err: error }, 'request failed');
    host.switchToHttp().getResponse<Response>().status(body.statusCode).json(body);
  }

  private toBody(error: unknown): ErrorBody {
    if (error instanceof EngineError || error instanceof LifecycleError || error instanceof EventStoreError) {
      // An EngineError family missing from ErrorCode has no status: a bug, answered as 500.
      return {
        statusCode: STATUS[error.code as ErrorCode] ?? HttpStatus.INTERNAL_SERVER_ERROR,
        code: error.code,
        message: error.message,
        details: detailsOf(error),
      };
    }
    if (error instanceof HttpException) {
      const statusCode = error.getStatus();
      return { statusCode, code: HttpStatus[statusCode] ?? 'HTTP_ERROR', message: error.message };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: 'INTERNAL_ERROR', message: 'Something went wrong on our side; it has been logged.' };
  }
}

/** The machine-readable part of an error: whatever it carries beyond code and message. */
function detailsOf(error: EngineError | LifecycleError | EventStoreError): unknown {
  if (error instanceof EngineError) return error.details;
  const { name: _name, message: _message, stack: _stack, code: _code, ...rest } = { ...error, name: error.name, message: error.message, stack: error.stack };
  return Object.keys(rest).length > 0 ? jsonSafe(rest) : undefined;
}

/** Revisions are bigints; JSON has no bigints. */
function jsonSafe(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v)));
}
