import { Injectable } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import { CaseError } from '../shared/case-error';
import type { Actor } from '../../auth/actor';
import { EventIdConflictError, WrongExpectedVersionError } from '../../event-store/event-store.errors';
import { EventStore, type NewEvent, type StreamName } from '../../event-store/event-store.port';
import { diariumSeries } from '../../reference-data/lookups';
import { formatDiarienummer } from '../../reference-data/reference-data';
import { ReferenceDataStore } from '../../reference-data/reference-data.store';

const NAMESPACE = '9e3c1f4e-6a0b-4c55-8f0a-1b2c3d4e5f60';
const MAX_ATTEMPTS = 50;
/** Allocations written in one append at most. */
const MAX_BATCH = 100;

interface Request {
  readonly actor: Actor;
  readonly caseId: string;
  readonly registeredOn: string;
  readonly done: (diarienummer: string) => void;
  readonly failed: (error: unknown) => void;
}

/**
 * One series as this instance knows it: its last revision (undefined: not read yet) and the
 * allocations waiting for their turn. Its format is the body's in the tenant's reference data, as
 * read for the latest allocation.
 */
interface Series {
  readonly stream: StreamName;
  format: (number: number) => string;
  head: bigint | undefined;
  readonly waiting: Request[];
  busy: boolean;
}

/**
 * Allocates diarienummer: one series per body and year, numbered 1, 2, 3, … without gaps. Each
 * series is a stream in which number n is the event at revision n − 1, so the event store's expected
 * revision guarantees that a number is given once and none is skipped.
 *
 * Allocations of one series take turns in this instance rather than race in the database: while one
 * append is on its way, the next requests wait, and then go together in one append (one statement,
 * numbered in order). The series' head is known from the last append, so nothing is read first;
 * another instance's allocation shows as a wrong expected revision, which names the actual head to
 * go on from. Allocation is idempotent per case (the event id is fixed by the case): asking again
 * returns the case's number.
 */
@Injectable()
export class Diarium {
  private readonly series = new Map<string, Series>();

  constructor(
    private readonly store: EventStore,
    private readonly referenceData: ReferenceDataStore,
  ) {}

  /**
   * A number of the series as it looks (refusing a body without a diarium), for deciding whether the
   * case could be registered at all: the lifecycle's rules do not read the number itself.
   */
  async standIn(actor: Actor, bodyCode: string, registeredOn: string): Promise<string> {
    return (await this.seriesFor(actor.tenant, bodyCode, registeredOn)).format(1);
  }

  async allocate(actor: Actor, bodyCode: string, registeredOn: string, caseId: string): Promise<string> {
    const series = await this.seriesFor(actor.tenant, bodyCode, registeredOn);
    return new Promise((done, failed) => {
      series.waiting.push({ actor, caseId, registeredOn, done, failed });
      if (!series.busy) void this.drain(series);
    });
  }

  /** Writes the waiting allocations, a batch per append, until none wait. */
  private async drain(series: Series): Promise<void> {
    series.busy = true;
    while (series.waiting.length > 0) {
      const batch = takeBatch(series.waiting);
      try {
        const numbers = await this.write(series, batch);
        batch.forEach((request, i) => request.done(numbers[i]));
      } catch (error) {
        batch.forEach((request) => request.failed(error));
      }
    }
    series.busy = false;
  }

  /** The batch's numbers, in order: one append at the known head, or one at a time when some case already has its number. */
  private async write(series: Series, batch: readonly Request[]): Promise<string[]> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const head = series.head ?? (series.head = await this.lastRevision(series.stream));
      const events = batch.map((request, i) => allocation(series, request, head + 1n + BigInt(i)));
      try {
        const result = await this.store.append(series.stream, events, {
          expectedRevision: head < 0n ? 'no_stream' : head,
          context: contextOf(batch[0].actor, events[0].id),
        });
        if (result.nextExpectedRevision === head + BigInt(events.length)) {
          series.head = result.nextExpectedRevision;
          return events.map((event) => String(event.data.diarienummer));
        }
        return this.oneByOne(series, batch); // every case of the batch had its number already
      } catch (error) {
        if (error instanceof EventIdConflictError) return this.oneByOne(series, batch);
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        series.head = error.actual === 'no_stream' ? -1n : error.actual; // another instance allocated: go on from there
      }
    }
    throw new CaseError('CASE_CHANGED', `The diarium ${series.stream.id} is too busy right now; try again.`);
  }

  private async oneByOne(series: Series, batch: readonly Request[]): Promise<string[]> {
    const numbers: string[] = [];
    for (const request of batch) numbers.push(batch.length === 1 ? await this.numberGivenBefore(series, request) : (await this.write(series, [request]))[0]);
    return numbers;
  }

  /** A case that has its number already (a retried registration): the number it was given. */
  private async numberGivenBefore(series: Series, request: Request): Promise<string> {
    const [earlier] = await this.store.readEventsById(series.stream, [allocationId(series, request.caseId)]);
    if (!earlier) throw new Error(`The allocation of case ${request.caseId} in ${series.stream.id} is neither new nor written.`);
    return String(earlier.data.diarienummer);
  }

  private async lastRevision(stream: StreamName): Promise<bigint> {
    return (await this.store.streamHead(stream))?.revision ?? -1n;
  }

  private async seriesFor(tenant: string, bodyCode: string, registeredOn: string): Promise<Series> {
    const diarium = diariumSeries(await this.referenceData.current(tenant), bodyCode, 'bodyCode');
    const year = Number(registeredOn.slice(0, 4));
    const format = (number: number) => formatDiarienummer(bodyCode, diarium, year, number);
    const stream = { tenant, id: `diarium-${bodyCode}-${year}` };
    const key = `${tenant}/${stream.id}`;
    const series = this.series.get(key) ?? { stream, format, head: undefined, waiting: [], busy: false };
    series.format = format;
    this.series.set(key, series);
    return series;
  }
}

/** The next requests in line that one append can carry: those of the first one's actor (an append records one actor), each case once. */
function takeBatch(waiting: Request[]): Request[] {
  const [first] = waiting;
  const cases = new Set<string>();
  const batch: Request[] = [];
  for (let i = 0; i < waiting.length && batch.length < MAX_BATCH;) {
    const request = waiting[i];
    if (request.actor.id === first.actor.id && request.actor.name === first.actor.name && !cases.has(request.caseId)) {
      cases.add(request.caseId);
      batch.push(...waiting.splice(i, 1));
    } else i++;
  }
  return batch;
}

function allocationId(series: Series, caseId: string): string {
  return uuidv5(`${series.stream.id}/${caseId}`, NAMESPACE);
}

function allocation(series: Series, { caseId, registeredOn }: Request, revision: bigint): NewEvent {
  const number = Number(revision) + 1;
  return { id: allocationId(series, caseId), type: 'DiarienummerAllocated', data: { number, diarienummer: series.format(number), caseId, registeredOn } };
}

function contextOf(actor: Actor, id: string) {
  return { actorId: actor.id, actorName: actor.name, actorRole: 'registrator', commandId: id, correlationId: id, causationId: id };
}
