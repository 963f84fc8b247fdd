import { describe, expect, it } from '@jest/globals';
import { linkoping } from '../demo/seed-cases';
import { EVENT_SCHEMA_VERSIONS } from './case.event-schemas';
import { machines } from './case.machine';
import { UnsupportedSchemaVersion } from './lifecycle.errors';
import { applyRecorded, toCaseEvent } from './recorded-events';
import { stateOf } from '../../test/support/given';
import { seedEvents } from '../../test/support/seeded-cases';
import { CURRENT_SCHEMAS, upcast, type EventSchemas } from './upcasters';

/**
 * A build where PaymentRecorded is at v3: v1 named the reference `ref` and the period `from`/`to`;
 * v2 had `covers` but no reference at all.
 */
const schemas: EventSchemas = {
  versions: { ...EVENT_SCHEMA_VERSIONS, PaymentRecorded: 3 },
  upcasters: {
    PaymentRecorded: {
      1: ({ from, to, ref: _ref, ...rest }) => ({ ...rest, covers: { start: from, end: to } }),
      2: (v2) => ({ ...v2, reference: null }),
    },
  },
};

describe('upcasters', () => {
  it('given a v1 payload, when read by a build at v3, then it arrives in the current shape through every step', () => {
    const v1 = Object.freeze({ amount: 100, paidOn: '2023-01-10', from: '2023-01-01', to: '2023-12-31', ref: 'x', at: '2023-01-10T12:00:00Z' });
    expect(upcast('PaymentRecorded', 1, v1, schemas)).toEqual({
      amount: 100,
      paidOn: '2023-01-10',
      covers: { start: '2023-01-01', end: '2023-12-31' },
      reference: null,
      at: '2023-01-10T12:00:00Z',
    });
    expect(v1).toHaveProperty('ref', 'x'); // the recorded payload itself is left as it was
  });

  it('given a current payload, when read, then it is returned as it is (no copy)', () => {
    const data = { amount: 1 };
    expect(upcast('PaymentRecorded', 3, data, schemas)).toBe(data);
  });

  it('given a payload from a newer build, when read, then it is refused, naming type and versions', () => {
    expect(() => upcast('PaymentRecorded', 4, {}, schemas)).toThrow(UnsupportedSchemaVersion);
    expect(() => upcast('OfficerAssigned', 2, {})).toThrow(/OfficerAssigned has schema version 2; this build reads up to v1: written by a newer version/);
  });

  it('given a gap in the chain, when read, then it is refused rather than guessed', () => {
    expect(() => upcast('PaymentRecorded', 1, {}, { ...schemas, upcasters: { PaymentRecorded: { 2: (d) => ({ ...d }) } } })).toThrow(/no upcaster from v1/);
  });

  it('every event type of this build is at a known version, and the current schemas have their upcasters', () => {
    for (const [type, version] of Object.entries(CURRENT_SCHEMAS.versions)) {
      for (let from = 1; from < version; from++) expect(CURRENT_SCHEMAS.upcasters[type]?.[from]).toBeDefined();
    }
  });
});

describe('stored events', () => {
  const metadata = Object.freeze({ schemaVersion: 1, machineId: 'iopCase', machineVersion: 1 });
  const stored = seedEvents(linkoping, 'schedule').map((event) => Object.freeze({ ...event, metadata }));

  it('are folded through the machine their metadata names, without being changed', () => {
    const snapshot = stored.reduce(applyRecorded, undefined);
    expect(snapshot!.machine).toBe(machines.iopCase[1]);
    expect(stateOf(snapshot!)).toBe('preparation.proposalSigned');
    expect(toCaseEvent(stored[0]).data).toBe(stored[0].data);
  });

  it('refuses one from a future schema version clearly', () => {
    const future = { ...stored[0], metadata: { ...metadata, schemaVersion: 9 } };
    expect(() => applyRecorded(undefined, future)).toThrow(/ApplicationSubmitted has schema version 9; this build reads up to v1/);
  });

  it('refuses an event that names another machine than the case lives under', () => {
    const [first, second] = stored;
    const snapshot = applyRecorded(undefined, first);
    expect(() => applyRecorded(snapshot, { ...second, metadata: { ...metadata, machineVersion: 7 } })).toThrow(/No machine iopCase version 7/);
  });
});
