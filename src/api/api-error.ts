/** An error the API answers with a fixed code; the status comes from the one table in error.filter.ts. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export type ApiErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN_ROLE'
  | 'FORBIDDEN_ORGANISATION'
  | 'CASE_NOT_FOUND'
  | 'CASE_CHANGED'
  | 'PRECONDITION_FAILED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'DATA_SUBJECT_NOT_FOUND'
  | 'DATA_SUBJECT_ERASED'
  | 'PERSONAL_DATA_UNREADABLE'
  | 'NOTIFICATION_NOT_FOUND'
  | 'NOTIFICATION_NOT_FAILED'
  | 'MIGRATION_REFUSED'
  | 'INVALID_DATE_RANGE'
  | 'FEED_TOKEN_INVALID'
  | 'FEED_TOKEN_REVOKED'
  | 'FEED_TOKEN_NOT_FOUND';
