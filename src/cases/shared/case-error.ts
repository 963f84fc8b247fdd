import { EngineError } from '../../shared/engine-error';

/**
 * Refusals of the case API around the lifecycle: no such case, a stale or raced revision, a reused
 * key, a refused migration, a document the case has not reached, an archive package of an open case.
 */
export class CaseError extends EngineError<
  'CASE_NOT_FOUND' | 'CASE_CHANGED' | 'PRECONDITION_FAILED' | 'IDEMPOTENCY_KEY_REUSED' | 'MIGRATION_REFUSED' | 'DOCUMENT_NOT_FOUND' | 'CASE_NOT_CLOSED'
> {}

/** A case that does not exist, or that the caller may not see: the same answer, so existence does not leak. */
export function caseNotFound(caseId: string, message = `No case ${caseId}.`): CaseError {
  return new CaseError('CASE_NOT_FOUND', message);
}
