import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../auth/actor';
import type { CommandType } from '../../lifecycle';
import type { CaseResult } from './case-view';

/** What the HTTP request adds to a command: optimistic concurrency and idempotency. */
export interface CommandRequest {
  /** From If-Match: the revision the caller last saw. */
  readonly ifMatch?: bigint;
  /** From Idempotency-Key: a retried request with the same key is answered, not executed again. */
  readonly idempotencyKey?: string;
  /** From X-Correlation-Id: ties the events to a larger flow (a batch, a process). */
  readonly correlationId?: string;
}

/** A command on one case, as a caller gave it: the payload is the validated DTO. */
export abstract class CaseCommand<P extends object = object> extends Command<CaseResult> {
  abstract readonly type: CommandType;

  constructor(
    readonly actor: Actor,
    readonly caseId: string,
    readonly payload: P,
    readonly request: CommandRequest = {},
  ) {
    super();
  }
}
