import { Injectable } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import { CaseRepository, foldRecorded, type LoadedCase } from '../../cases/shared/case-repository';
import { asCaseEvents, caseStream } from '../../cases/shared/case-stream';
import { EventStore, type EventContext, type RecordedEvent, type StoreTransaction } from '../../event-store/event-store.port';
import { decide, type Command } from '../../lifecycle';
import { stockholmDate } from '../../calendar';
import { LifecycleError } from '../../lifecycle/lifecycle.errors';
import { NotificationOutbox, type NotificationIntent } from '../../notifications/notification-outbox.port';
import { DataSubjects } from '../../personal-data/data-subjects';
import { DeadlineSettings } from '../timer-settings';
import { timersOf, type Timer } from '../timer-policy';
import { TimerTable, type TimerRow, type TimerStatus } from './timer-table';

// Names under this UUID are the scheduler's: event, command and notification ids of a firing.
const NAMESPACE = 'c3d7f0a2-6f55-4a8e-9d0b-2e4f1b7a9c11';

/** The engine acting on its own, as history and audit show it. */
export const SYSTEM_ACTOR = { actorId: 'system', actorName: 'Systemet', actorRole: 'system' } as const;

type SettledStatus = Exclude<TimerStatus, 'pending'>;

/** What became of one timer of the batch, written when the batch ends. */
export interface Settled {
  readonly timer: TimerRow;
  readonly status: SettledStatus;
  readonly note: string | null;
  readonly intents: readonly NotificationIntent[];
}

export interface BatchResult {
  /** Timers locked by this batch. */
  readonly claimed: number;
  readonly settled: Record<SettledStatus, number>;
  readonly failed: number;
}

/**
 * Fires due timers. One batch is one transaction: the timers are locked (SKIP LOCKED, so other
 * instances take other timers); for each one the case's event is appended where the machine acts
 * (a refusal, say because an official wrote meanwhile, postpones that timer alone), different
 * cases' appends side by side, then the batch's marks and notifications are written; all commit
 * together or not at all.
 */
@Injectable()
export class TimerFiring {
  constructor(
    private readonly table: TimerTable,
    private readonly outbox: NotificationOutbox,
    private readonly settings: DeadlineSettings,
    private readonly store: EventStore,
    private readonly cases: CaseRepository,
    private readonly subjects: DataSubjects,
  ) {}

  async fireBatch(now: Date, limit: number): Promise<BatchResult> {
    return this.store.withTransaction(async (transaction) => {
      const timers = await this.table.claimDue(transaction, now, limit);
      const result = { claimed: timers.length, settled: { fired: 0, skipped: 0, cancelled: 0 }, failed: 0 };
      const cases = new CaseCache(transaction, this.settings, this.subjects);
      await cases.prefetch(timers);
      const outcomes: (Settled | undefined)[] = [];
      // A case's timers fire one after another (each sees what the one before appended); different
      // cases' side by side, so that the store writes their appends together.
      for (const wave of wavesByCase(timers)) {
        const fired = await Promise.allSettled(wave.map(({ timer }) => this.fire(transaction, cases, timer, now)));
        for (const [i, outcome] of fired.entries()) {
          const { timer, index } = wave[i];
          if (outcome.status === 'fulfilled') outcomes[index] = outcome.value;
          else {
            cases.forget(timer);
            await this.table.postpone(transaction, timer, now, (outcome.reason as Error).message);
            result.failed++;
          }
        }
      }
      const settled = outcomes.filter((outcome) => outcome !== undefined);
      // One statement each for all the batch's marks and notifications, in the same transaction.
      await this.table.settle(transaction, settled, now);
      await this.outbox.enqueue(
        transaction,
        settled.flatMap((s) => s.intents),
      );
      for (const { status } of settled) result.settled[status]++;
      return result;
    });
  }

  private async fire(transaction: StoreTransaction, cases: CaseCache, timer: TimerRow, now: Date): Promise<Settled> {
    const entry = await cases.get(timer);
    const { loaded } = entry;
    const settle = (status: SettledStatus, note: string | null = null, intents: NotificationIntent[] = []): Settled => ({ timer, status, note, intents });
    if (!loaded || !cases.stands(entry, timer)) return settle('cancelled', 'no longer applies to the case');
    // A reminder of a date already past (after downtime) is superseded by that date's own notification.
    if (timer.occasion === 'reminder' && timer.deadlineOn < stockholmDate(now.toISOString())) return settle('skipped', 'stale reminder');
    if (timer.command) {
      const refused = await this.act(transaction, loaded, timer, now);
      if (refused) return settle('cancelled', refused);
      cases.forget(timer);
    }
    const hasContact = timer.recipients.includes('organisationContact') && (await cases.hasContact(entry));
    return settle('fired', null, this.intents(loaded, timer, now, hasContact));
  }

  /** Appends the case's event at the revision just read; returns the lifecycle's refusal, if any. */
  private async act(transaction: StoreTransaction, loaded: LoadedCase, timer: TimerRow, now: Date): Promise<string | undefined> {
    let events;
    try {
      events = decide(loaded.snapshot, { type: timer.command, now: now.toISOString() } as Command);
    } catch (error) {
      if (error instanceof LifecycleError) return `${error.code}: ${error.message}`;
      throw error;
    }
    const firing = this.firingName(timer);
    const commandId = uuidv5(`${firing}/command`, NAMESPACE);
    const context: EventContext = { ...SYSTEM_ACTOR, commandId, correlationId: commandId, causationId: commandId };
    // A refused append (the case changed meanwhile) leaves the transaction usable: the store undoes its own failed write.
    await this.cases.append(
      loaded,
      events.map((event, index) => ({ id: uuidv5(`${firing}/event/${index}`, NAMESPACE), event })),
      context,
      loaded.machine,
      transaction,
    );
    return undefined;
  }

  private intents(loaded: LoadedCase, timer: TimerRow, now: Date, hasContact: boolean): NotificationIntent[] {
    const facts = loaded.snapshot.context;
    return timer.recipients.map((recipient) => ({
      id: uuidv5(`${this.firingName(timer)}/${recipient}`, NAMESPACE),
      tenant: timer.tenant,
      caseId: timer.caseId,
      deadline: timer.deadline,
      occasion: timer.occasion,
      daysBefore: timer.daysBefore,
      recipient,
      case: { diarienummer: facts.diarienummer, organisation: facts.organisation?.name ?? '', officer: facts.officer },
      ...(recipient === 'organisationContact' && { hasContact }),
      firedAt: now.toISOString(),
    }));
  }

  /** A timer fires once per moment: the same key on a new date is a new firing. */
  private firingName(timer: TimerRow): string {
    return `${timer.tenant}/${timer.caseId}/${timer.key}/${timer.dueOn}`;
  }
}

/** The timers in rounds, each with at most one timer of a case, in order: a case's n-th timer in the n-th round. */
function wavesByCase(timers: readonly TimerRow[]): { timer: TimerRow; index: number }[][] {
  const waves: { timer: TimerRow; index: number }[][] = [];
  const seen = new Map<string, number>();
  for (const [index, timer] of timers.entries()) {
    const key = `${timer.tenant}/${timer.caseId}`;
    const round = seen.get(key) ?? 0;
    seen.set(key, round + 1);
    (waves[round] ??= []).push({ timer, index });
  }
  return waves;
}

/** A case as the batch read it, and (once asked) the timers it has now and whether its contact person can be written to. */
interface CaseEntry {
  readonly loaded: LoadedCase | undefined;
  timers?: Timer[];
  hasContact?: Promise<boolean>;
}

/**
 * The cases of one batch, each read and folded once, as the batch's transaction sees them (with
 * what an earlier timer appended, and without a second connection while the batch holds locks).
 */
class CaseCache {
  private readonly cases = new Map<string, Promise<CaseEntry>>();

  constructor(
    private readonly transaction: StoreTransaction,
    private readonly settings: DeadlineSettings,
    private readonly subjects: DataSubjects,
  ) {}

  /** Reads the batch's cases in one statement, rather than one round trip per case. */
  async prefetch(timers: readonly TimerRow[]): Promise<void> {
    const byCase = new Map(timers.map((timer) => [`${timer.tenant}/${timer.caseId}`, timer]));
    const records = await this.transaction.readStreams([...byCase.values()].map((t) => caseStream(t.tenant, t.caseId)));
    const entries = [...byCase].map(([key, { tenant, caseId }], i) => {
      const entry = this.folded(tenant, caseId, records[i].events);
      this.cases.set(key, Promise.resolve(entry));
      return entry;
    });
    // Whether each contact person can still be written to: one statement for the batch, not one per case.
    const toContact = new Set(timers.filter((t) => t.recipients.includes('organisationContact')).map((t) => `${t.tenant}/${t.caseId}`));
    this.checkContacts(entries.filter((entry) => entry.loaded && toContact.has(`${entry.loaded.tenant}/${entry.loaded.id}`)));
  }

  /** Whether the case names a contact person whose data is not erased (read sealed: it asks whether the person's key still exists). */
  hasContact(entry: CaseEntry): Promise<boolean> {
    if (!entry.hasContact) this.checkContacts([entry]);
    return entry.hasContact!;
  }

  private checkContacts(entries: readonly CaseEntry[]): void {
    const byTenant = new Map<string, CaseEntry[]>();
    for (const entry of entries) byTenant.set(entry.loaded?.tenant ?? '', [...(byTenant.get(entry.loaded?.tenant ?? '') ?? []), entry]);
    for (const [tenant, group] of byTenant) {
      const subjectIds = group.flatMap((entry) => entry.loaded?.snapshot.context.contactPerson?.subjectId ?? []);
      const keys = this.subjects.find(tenant, subjectIds, this.transaction);
      for (const entry of group) {
        const subjectId = entry.loaded?.snapshot.context.contactPerson?.subjectId;
        entry.hasContact = subjectId ? keys.then((found) => Boolean(found.get(subjectId)?.wrappedKey)) : Promise.resolve(false);
        entry.hasContact.catch(() => undefined); // a failed read fails the batch's transaction anyway; unasked, it must not crash the process
      }
    }
  }

  /**
   * Whether the timer still stands. The timer table holds exactly the timers computed from the
   * revision it records, so at that revision it does; the projection may lag, though, and then the
   * case as it is now decides (its timers computed once, when first asked).
   */
  stands(entry: CaseEntry, timer: TimerRow): boolean {
    if (!entry.loaded) return false;
    if (timer.computedRevision === entry.loaded.revision) return true;
    entry.timers ??= timersOf(entry.loaded.snapshot.context, this.settings);
    return entry.timers.some((t) => t.key === timer.key && t.dueOn === timer.dueOn);
  }

  get(timer: TimerRow): Promise<CaseEntry> {
    const key = `${timer.tenant}/${timer.caseId}`;
    let entry = this.cases.get(key);
    if (!entry) {
      entry = this.load(timer.tenant, timer.caseId);
      this.cases.set(key, entry);
    }
    return entry;
  }

  /** After the case changed (or a failure rolled back what was read): read it again next time. */
  forget(timer: TimerRow): void {
    this.cases.delete(`${timer.tenant}/${timer.caseId}`);
  }

  private async load(tenant: string, caseId: string) {
    const [{ events }] = await this.transaction.readStreams([caseStream(tenant, caseId)]);
    return this.folded(tenant, caseId, events);
  }

  private folded(tenant: string, caseId: string, recorded: RecordedEvent[]): CaseEntry {
    const events = asCaseEvents(recorded);
    return { loaded: events.length === 0 ? undefined : { id: caseId, tenant, events, ...foldRecorded(events) } };
  }
}
