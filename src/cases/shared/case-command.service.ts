import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../auth/actor';
import { WrongExpectedVersionError } from '../../event-store/event-store.errors';
import type { CaseSnapshot, Timestamp } from '../../lifecycle';
import { Clock } from '../../shared/clock';
import { assertVisible } from './case-access';
import type { CommandRequest } from './case-command';
import { CaseError } from './case-error';
import { CaseRepository, foldRecorded, type LoadedCase, type NewCaseEvent } from './case-repository';
import { caseResult, type CaseResult } from './case-view';
import { earlierExecution, idempotentIds, type IdempotentIds } from './idempotency';

/** A request let in: who may give it and its body are checked; what remains is to decide. */
export interface Admitted {
  /** What an Idempotency-Key is bound to: the same key with other content is refused. */
  readonly content: unknown;
  /** The role the actor gives it in, recorded in the events. */
  readonly role: string;
  readonly decide: (now: Timestamp) => Promise<Decided> | Decided;
}

export interface Decided {
  readonly events: readonly NewCaseEvent['event'][];
  /** The case after the events. */
  readonly then: CaseSnapshot;
  /** The machine the events are recorded under, when not the case's own (a migration names its target). */
  readonly machine?: LoadedCase['machine'];
}

/**
 * The one way a case changes: read and fold, let the request in (`admit`: who may, and its body),
 * answer a repeat from the store, check If-Match, decide, append at the revision decided on.
 * Refusals leave the stream as it was.
 */
@Injectable()
export class CaseCommandService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly clock: Clock,
  ) {}

  async run(
    actor: Actor,
    caseId: string,
    request: CommandRequest,
    admit: (loaded: LoadedCase) => Promise<Admitted> | Admitted,
    options: { allowNew?: boolean } = {},
  ): Promise<CaseResult> {
    // Commands decide by rules that never read personal data: the case is folded as stored, no keys needed.
    const loaded = await this.cases.load(actor.tenant, caseId, options);
    assertVisible(actor, loaded);
    const admitted = await admit(loaded);
    // A repeat of a request already carried out gets its first answer, whatever If-Match now says:
    // the client that lost the answer cannot otherwise tell its own write from someone else's.
    const ids = request.idempotencyKey ? idempotentIds(`${actor.tenant}/${caseId}`, request.idempotencyKey, admitted.content) : undefined;
    const executed = ids && earlierExecution(loaded.events, ids);
    if (executed !== undefined) return resultAt(loaded, executed);
    if (request.ifMatch !== undefined && request.ifMatch !== loaded.revision) {
      throw new CaseError('PRECONDITION_FAILED', `The case is at revision ${loaded.revision}, not ${request.ifMatch}.`, {
        revision: loaded.revision.toString(),
      });
    }

    const decided = await admitted.decide(this.clock.now().toISOString());
    const commandId = ids?.commandId ?? randomUUID();
    const context = {
      actorId: actor.id,
      actorName: actor.name,
      actorRole: admitted.role,
      commandId,
      correlationId: request.correlationId ?? commandId,
      causationId: commandId,
    };
    const events = decided.events.map((event, index) => ({ id: ids?.eventId(index) ?? randomUUID(), event }));
    const appended = await this.cases.append(loaded, events, context, decided.machine).catch((error: unknown) => {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      const code = request.ifMatch === undefined ? 'CASE_CHANGED' : 'PRECONDITION_FAILED';
      throw new CaseError(code, 'The case changed while this command was being decided; load it again and retry.', { revision: String(error.actual) });
    });
    // With a key, a parallel copy of this request may have written first: answer with what was written.
    if (ids) return this.answerFromStore(loaded, ids);
    return caseResult(caseId, decided.then, appended.nextExpectedRevision);
  }

  private async answerFromStore(loaded: LoadedCase, ids: IdempotentIds): Promise<CaseResult> {
    const reloaded = await this.cases.load(loaded.tenant, loaded.id);
    return resultAt(reloaded, earlierExecution(reloaded.events, ids)!);
  }
}

/** The case as it was right after `revision`: what the first execution of a repeated request answered. */
function resultAt(loaded: LoadedCase, revision: bigint): CaseResult {
  const { snapshot } = foldRecorded(loaded.events.slice(0, Number(revision) + 1));
  return caseResult(loaded.id, snapshot, revision);
}
