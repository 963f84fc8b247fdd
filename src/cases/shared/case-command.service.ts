import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CaseError } from './case-error';
import { WrongExpectedVersionError } from '../../event-store/event-store.errors';
import { decide, evolve, type Command } from '../../lifecycle';
import { Clock } from '../../shared/clock';
import { assertMayGive, assertVisible, permittedRoles } from './case-access';
import type { CaseCommand } from './case-command';
import { CaseRepository, foldRecorded, type LoadedCase } from './case-repository';
import { caseResult, type CaseResult } from './case-view';
import { earlierExecution, idempotentIds, type IdempotentIds } from './idempotency';

/** Turns a loaded case and the caller's payload into the lifecycle command's payload. */
export type DomainPayload = (loaded: LoadedCase, now: string) => Promise<object> | object;

/**
 * The one way a command changes a case: load and fold, check who may do it, decide, append at the
 * revision that was decided on. Refusals leave the stream as it was.
 */
@Injectable()
export class CaseCommandService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: CaseCommand, domainPayload: DomainPayload): Promise<CaseResult> {
    const { actor, type, caseId, payload, request } = command;
    // Commands decide by rules that never read personal data: the case is folded as stored, no keys needed.
    const loaded = await this.cases.load(actor.tenant, caseId, { allowNew: type === 'submit-application' });
    assertVisible(actor, loaded);
    assertMayGive(actor, type, payload);
    // A repeat of a request already carried out gets its first answer, whatever If-Match now says:
    // the client that lost the answer cannot otherwise tell its own write from someone else's.
    const ids = request.idempotencyKey ? idempotentIds(`${actor.tenant}/${caseId}`, request.idempotencyKey, { type, payload }) : undefined;
    const executed = ids && earlierExecution(loaded.events, ids);
    if (executed !== undefined) return resultAt(loaded, executed);
    if (request.ifMatch !== undefined && request.ifMatch !== loaded.revision) {
      throw new CaseError('PRECONDITION_FAILED', `The case is at revision ${loaded.revision}, not ${request.ifMatch}.`, { revision: loaded.revision.toString() });
    }

    const now = this.clock.now().toISOString();
    const events = decide(loaded.snapshot, { type, now, ...(await domainPayload(loaded, now)) } as Command);
    const commandId = ids?.commandId ?? randomUUID();
    const appended = await this.cases
      .append(
        loaded,
        events.map((event, index) => ({ id: ids?.eventId(index) ?? randomUUID(), event })),
        { actorId: actor.id, actorName: actor.name, actorRole: permittedRoles(actor, type)[0], commandId, correlationId: request.correlationId ?? commandId, causationId: commandId },
      )
      .catch((error: unknown) => {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        const code = request.ifMatch === undefined ? 'CASE_CHANGED' : 'PRECONDITION_FAILED';
        throw new CaseError(code, 'The case changed while this command was being decided; load it again and retry.', { revision: String(error.actual) });
      });
    // With a key, a parallel copy of this request may have written first: answer with what was written.
    if (ids) return this.answerFromStore(loaded, ids);
    return caseResult(caseId, events.reduce(evolve, loaded.snapshot), appended.nextExpectedRevision);
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
