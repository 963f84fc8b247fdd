import { randomUUID } from 'node:crypto';
import { caseStream } from '../../src/cases/shared/case-stream';
import type { SeedCase } from '../../src/demo/seed-cases';
import type { EventContext, EventStore, JsonObject } from '../../src/event-store/event-store.port';
import {
  CASE_MACHINE_ID,
  CASE_MACHINE_VERSION,
  currentSchemaVersion,
  decide,
  evolve,
  initialSnapshot,
  type CaseEvent,
  type CaseSnapshot,
  type Command,
} from '../../src/lifecycle';

const context: EventContext = {
  actorId: 'seed',
  actorName: 'Seed',
  actorRole: 'handlaggare',
  commandId: '0b6f2f4e-7a1c-4e0e-9a55-3d1f7f0c2a10',
  correlationId: '0b6f2f4e-7a1c-4e0e-9a55-3d1f7f0c2a10',
  causationId: '0b6f2f4e-7a1c-4e0e-9a55-3d1f7f0c2a10',
  machineId: CASE_MACHINE_ID,
  machineVersion: CASE_MACHINE_VERSION,
};

/** The events a sequence of commands records, each decided against the case as it stands. */
export function record(commands: readonly Command[], from: CaseSnapshot = initialSnapshot()): CaseEvent[] {
  const events: CaseEvent[] = [];
  commands.reduce((snapshot, command) => {
    const decided = decide(snapshot, command);
    events.push(...decided);
    return decided.reduce(evolve, snapshot);
  }, from);
  return events;
}

/** The events of a seed case's steps before `until` (all steps without it), decided through the pure lifecycle. */
export function seedEvents<S extends SeedCase>(seed: S, until?: keyof S & string): CaseEvent[] {
  const names = Object.keys(seed);
  return record(names.slice(0, until === undefined ? names.length : names.indexOf(until)).map((name) => seed[name]));
}

/** Writes a new case with these events straight into the store (no HTTP): many cases, fast. */
export async function appendCase(store: EventStore, tenant: string, events: readonly CaseEvent[]): Promise<string> {
  const caseId = randomUUID();
  await store.append(
    caseStream(tenant, caseId),
    events.map((e) => ({ id: randomUUID(), type: e.type, data: e.data as unknown as JsonObject, schemaVersion: currentSchemaVersion(e.type) })),
    { expectedRevision: 'no_stream', context },
  );
  return caseId;
}
