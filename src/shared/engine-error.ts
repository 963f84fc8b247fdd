/**
 * An error of the engine's own (outside the pure lifecycle, which has its own): a fixed machine
 * code, a message for people, details for machines. Each module declares its family with the codes
 * it may throw; which HTTP status a code means is decided once, at the edge (src/api/error.filter.ts).
 */
export abstract class EngineError<C extends string = string> extends Error {
  constructor(
    readonly code: C,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Input that is malformed whoever sends it: a body, a header, a query parameter, a date range. */
export class InvalidInput extends EngineError<'VALIDATION_FAILED' | 'INVALID_DATE_RANGE'> {}
