import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { WrongExpectedVersionError } from '../event-store/event-store.errors';
import { EventStore, type JsonObject, type RecordedEvent, type StreamName } from '../event-store/event-store.port';
import { ReferenceDataError } from './reference-data.errors';
import {
  evolveReferenceData,
  nothingSetUp,
  REFERENCE_DATA_EVENT_TYPES,
  type ReferenceData,
  type ReferenceDataChange,
  type ReferenceDataEvent,
} from './reference-data';

/** Each tenant's reference data is one stream of its own. */
export const REFERENCE_DATA_STREAM = 'reference-data';
export const referenceDataStream = (tenant: string): StreamName => ({ tenant, id: REFERENCE_DATA_STREAM });

/** Who changes reference data (an administrator, or the demo's setup acting as one): recorded on every event, as on a case's. */
export interface Author {
  readonly id: string;
  readonly name: string;
}

/** Appends that lost a race with another writer are decided again on the newer data this many times. */
const MAX_ATTEMPTS = 5;

/**
 * The tenants' reference data, read and changed through the event store. Reads are the fold of the
 * stream, kept per tenant: a read looks at the stream's head (one indexed row) and folds on only
 * what was appended since, by this instance or another, so a change is seen everywhere at once and
 * nothing needs a rebuild.
 */
@Injectable()
export class ReferenceDataStore {
  private readonly known = new Map<string, ReferenceData>();

  constructor(private readonly store: EventStore) {}

  /** The tenant's reference data as it is now (nothing set up: revision -1, everything empty). */
  async current(tenant: string): Promise<ReferenceData> {
    const stream = referenceDataStream(tenant);
    const head = (await this.store.streamHead(stream))?.revision ?? -1n;
    // A stream shorter than what this instance folded (a database restored from a copy) is folded again from its start.
    const cached = this.known.get(tenant);
    const known = cached && cached.revision <= head ? cached : nothingSetUp(tenant);
    if (head === known.revision) return known;
    const data = (await this.store.readStream(stream, { fromRevision: known.revision + 1n })).reduce(applyRecorded, known);
    this.known.set(tenant, data);
    return data;
  }

  /** Whether anything is set up for the tenant. Reference data is never removed, so a yes is remembered without asking again. */
  async isSetUp(tenant: string): Promise<boolean> {
    return (this.known.get(tenant)?.revision ?? -1n) >= 0n || (await this.current(tenant)).revision >= 0n;
  }

  /**
   * Decides a change on the data as it is and appends its events at that revision; a change that
   * records nothing (the same content sent again) writes nothing. With `ifMatch`, the data must
   * still be at that revision (else PRECONDITION_FAILED); without, a lost race is decided again.
   */
  async change(tenant: string, author: Author, decide: ReferenceDataChange, ifMatch?: bigint): Promise<ReferenceData> {
    for (let attempt = 1; ; attempt++) {
      const data = await this.current(tenant);
      if (ifMatch !== undefined && ifMatch !== data.revision) throw stale(data.revision, ifMatch);
      const events = decide(data);
      if (events.length === 0) return data;
      try {
        await this.store.append(
          referenceDataStream(tenant),
          events.map(({ type, data: payload }) => ({ id: randomUUID(), type, data: payload as unknown as JsonObject })),
          { expectedRevision: data.revision < 0n ? 'no_stream' : data.revision, context: contextOf(author) },
        );
        return await this.current(tenant);
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        if (ifMatch !== undefined || attempt === MAX_ATTEMPTS) throw stale(data.revision, ifMatch);
      }
    }
  }
}

/** A stored event onto the data; a type this build does not know changes nothing (the verifier names it). */
function applyRecorded(data: ReferenceData, { type, data: payload, revision }: RecordedEvent): ReferenceData {
  const known = (REFERENCE_DATA_EVENT_TYPES as readonly string[]).includes(type);
  return { ...(known ? evolveReferenceData(data, { type, data: payload } as unknown as ReferenceDataEvent) : data), revision };
}

function stale(revision: bigint, ifMatch: bigint | undefined): ReferenceDataError {
  const why = ifMatch === undefined ? 'changed while this change was being decided' : `is at revision ${revision}, not ${ifMatch}`;
  return new ReferenceDataError('PRECONDITION_FAILED', `The reference data ${why}; load it again and retry.`, { revision: revision.toString() });
}

function contextOf(author: Author) {
  const id = randomUUID();
  return { actorId: author.id, actorName: author.name, actorRole: 'admin', commandId: id, correlationId: id, causationId: id };
}
