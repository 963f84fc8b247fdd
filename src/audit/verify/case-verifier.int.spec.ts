import { currentSchemaVersion } from '../../lifecycle';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../../../test/support/test-database';
import { context } from '../../../test/support/events';
import { caseStream } from '../../cases/shared/case-stream';
import { linkoping } from '../../demo/seed-cases';
import type { JsonObject } from '../../event-store/event-store.port';
import { PostgresEventStore } from '../../event-store/postgres/postgres-event-store';
import { CASE_MACHINE_ID, caseMachine, decide, initialSnapshot, machines } from '../../lifecycle';
import { FixedClock } from '../../shared/clock';
import { PostgresCaseSnapshots } from '../../cases/shared/postgres-case-snapshots';
import type { Database } from '../../database/database';
import { CaseVerifier } from './case-verifier';

/** A later lifecycle, for this test only, that no longer checks the rules. */
const RELAXED = 99;

describe.each(databaseTargets())('CaseVerifier on $name', (target) => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let verifier: CaseVerifier;
  beforeAll(async () => {
    db = await createTestDatabase(target);
    store = new PostgresEventStore({ pool: db.pool, connection: db.connection, clock: new FixedClock(new Date('2022-09-02T10:00:00.000Z')) });
    verifier = new CaseVerifier(store, new PostgresCaseSnapshots({ pool: db.pool } as Database));
    machines[CASE_MACHINE_ID][RELAXED] = caseMachine.provide({ guards: { rulesHold: () => true } });
  });
  afterAll(async () => {
    delete machines[CASE_MACHINE_ID][RELAXED];
    await store.close();
    await db.drop();
  });

  /** Submitted under `first`, then registered (before it was received: against v1's rules) under `version`. */
  async function caseRegisteredUnder(version: number, first = version): Promise<string> {
    const caseId = randomUUID();
    const stream = caseStream('linkoping', caseId);
    const [submitted] = decide(initialSnapshot(), linkoping.submit);
    const early = { diarienummer: 'SON 2019-536', registeredOn: '2022-08-01', at: '2022-09-02T10:00:00.000Z' };
    const under = (machineVersion: number) => ({ ...context, machineId: CASE_MACHINE_ID, machineVersion });
    await store.append(
      stream,
      [{ id: randomUUID(), type: submitted.type, data: submitted.data as unknown as JsonObject, schemaVersion: currentSchemaVersion(submitted.type) }],
      {
        expectedRevision: 'no_stream',
        context: under(first),
      },
    );
    await store.append(stream, [{ id: randomUUID(), type: 'CaseRegistered', data: early }], { expectedRevision: 0n, context: under(version) });
    return caseId;
  }

  it('judges each event under the machine version recorded on it', async () => {
    const caseId = await caseRegisteredUnder(RELAXED);
    expect(await verifier.verifyCase('linkoping', caseId)).toEqual({ tenant: 'linkoping', caseId, intact: true, events: 2 });
  });

  it('finds an event that names another version than the case lives under, with no recorded migration', async () => {
    const caseId = await caseRegisteredUnder(RELAXED, 1);
    expect(await verifier.verifyCase('linkoping', caseId)).toMatchObject({
      intact: false,
      problem: { revision: '1', what: expect.stringContaining(`CaseRegistered was recorded under iopCase v${RELAXED}, but the case lives under iopCase v1`) },
    });
  });

  it('refuses the same event under the version that forbids it', async () => {
    const caseId = await caseRegisteredUnder(1);
    expect(await verifier.verifyCase('linkoping', caseId)).toMatchObject({
      intact: false,
      problem: {
        revision: '1',
        what: expect.stringMatching(/^not a legal transition under iopCase v1: CaseRegistered cannot be applied .* DATE_BEFORE_RECEIVED$/),
      },
    });
  });

  it('names a machine version it does not know', async () => {
    const caseId = await caseRegisteredUnder(7, 1);
    expect(await verifier.verifyCase('linkoping', caseId)).toMatchObject({
      intact: false,
      problem: { revision: '1', what: expect.stringContaining('No machine iopCase version 7') },
    });
  });
});
