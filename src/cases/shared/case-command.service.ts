import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../auth/actor';
import { WrongExpectedVersionError } from '../../event-store/event-store.errors';
import { foldOnto, type CaseSnapshot, type Timestamp } from '../../lifecycle';
import { Clock } from '../../shared/clock';
import { assertVisible } from './case-access';
import type { CommandRequest } from './case-command';
import { CaseError } from './case-error';
import { CaseRepository, type CaseAt, type NewCaseEvent } from './case-repository';
import type { RecordedCaseEvent } from './case-stream';
import { caseResult, type CaseResult } from './case-view';
import { earlierExecution, idempotentIds, MAX_EVENTS_PER_COMMAND, possibleEventIds, type IdempotentIds } from './idempotency';

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
  readonly machine?: CaseAt['machine'];
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
    admit: (loaded: CaseAt) => Promise<Admitted> | Admitted,
    options: { allowNew?: boolean } = {},
  ): Promise<CaseResult> {
    // Commands decide by rules that never read personal data: the case is folded as stored, no keys needed.
    const loaded = await this.cases.current(actor.tenant, caseId, options);
    assertVisible(actor, loaded);
    const admitted = await admit(loaded);
    // A repeat of a request already carried out gets its first answer, whatever If-Match now says:
    // the client that lost the answer cannot otherwise tell its own write from someone else's.
    const ids = request.idempotencyKey ? idempotentIds(`${actor.tenant}/${caseId}`, request.idempotencyKey, admitted.content) : undefined;
    const executed = ids && (await this.execution(loaded, ids));
    if (executed) return this.resultAfter(loaded, executed);
    if (request.ifMatch !== undefined && request.ifMatch !== loaded.revision) {
      throw new CaseError('PRECONDITION_FAILED', `The case is at revision ${loaded.revision}, not ${request.ifMatch}.`, {
        revision: loaded.revision.toString(),
      });
    }

    const decided = await admitted.decide(this.clock.now().toISOString());
    if (decided.events.length > MAX_EVENTS_PER_COMMAND) throw new Error(`A command records at most ${MAX_EVENTS_PER_COMMAND} events.`);
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
    if (ids) return this.resultAfter(loaded, (await this.execution(loaded, ids))!);
    return caseResult(caseId, decided.then, appended.nextExpectedRevision);
  }

  /** What this key's request wrote, if it was carried out (one indexed look-up, however long the stream). */
  private async execution(loaded: CaseAt, ids: IdempotentIds): Promise<readonly RecordedCaseEvent[] | undefined> {
    return earlierExecution(await this.cases.eventsById(loaded.tenant, loaded.id, possibleEventIds(ids)), ids) as readonly RecordedCaseEvent[] | undefined;
  }

  /**
   * The case as it was right after an execution's events: what the first execution answered. Folded
   * on from the case as loaded when the events came right after it (a parallel copy, or a retry
   * with nothing in between), else from the stream up to them.
   */
  private async resultAfter(loaded: CaseAt, executed: readonly RecordedCaseEvent[]): Promise<CaseResult> {
    const revision = executed.at(-1)!.revision;
    if (revision === loaded.revision) return caseResult(loaded.id, loaded.snapshot, revision);
    if (executed[0].revision === loaded.revision + 1n) return caseResult(loaded.id, foldOnto(loaded, executed).snapshot, revision);
    const then = await this.cases.load(loaded.tenant, loaded.id, { at: { revision } });
    return caseResult(loaded.id, then.snapshot, revision);
  }
}
