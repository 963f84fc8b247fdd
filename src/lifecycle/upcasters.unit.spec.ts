import { describe, expect, it } from '@jest/globals';
import { linkoping } from '../demo/seed-cases';
import { currentSchemaVersion, EVENT_SCHEMA_VERSIONS } from './case.event-schemas';
import type { Terms } from './case.values';
import { kronor } from '../money';
import { v1Payload } from '../../test/support/v1-payloads';
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
    expect(() => upcast('CaseRegistered', 2, {})).toThrow(/CaseRegistered has schema version 2; this build reads up to v1: written by a newer version/);
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
  const metadataOf = (type: string) => Object.freeze({ schemaVersion: currentSchemaVersion(type), machineId: 'iopCase', machineVersion: 1 });
  const stored = seedEvents(linkoping, 'schedule').map((event) => Object.freeze({ ...event, metadata: metadataOf(event.type) }));

  it('are folded through the machine their metadata names, without being changed', () => {
    const snapshot = stored.reduce(applyRecorded, undefined);
    expect(snapshot!.machine).toBe(machines.iopCase[1]);
    expect(stateOf(snapshot!)).toBe('preparation.proposalSigned');
    expect(toCaseEvent(stored[0]).data).toBe(stored[0].data);
  });

  it('refuses one from a future schema version clearly', () => {
    const future = { ...stored[0], metadata: { ...stored[0].metadata, schemaVersion: 9 } };
    expect(() => applyRecorded(undefined, future)).toThrow(/ApplicationSubmitted has schema version 9; this build reads up to v2/);
  });

  it('refuses an event that names another machine than the case lives under', () => {
    const [first, second] = stored;
    const snapshot = applyRecorded(undefined, first);
    expect(() => applyRecorded(snapshot, { ...second, metadata: { ...second.metadata, machineVersion: 7 } })).toThrow(/No machine iopCase version 7/);
  });
});

describe('stored events in whole kronor (schema v1, before money to the öre)', () => {
  const at = '2023-01-20T12:00:00Z';

  it('read v1 terms as funding lines in öre: the funding is `bidrag` (indexed as before), the volunteer work `ideell-insats`', () => {
    const v1 = Object.freeze({
      terms: {
        funding: { kind: 'fixed', amountPerYear: 472_200 },
        volunteerContribution: { hours: 1_500, valueKr: 341_314 },
        period: { start: '2023-01-01', end: '2025-12-31' },
        noticeMonths: 6,
        paymentSchedule: 'yearly-in-january',
        indexation: { index: 'OPI', from: '2024-01-01' },
        exclusions: [],
      },
      at,
    });
    expect(upcast('ProposalDrafted', 1, v1)).toEqual({
      at,
      terms: {
        fundingLines: [
          { id: 'bidrag', label: 'Bidrag', kind: 'fixed', amountPerYear: kronor(472_200), indexation: { index: 'OPI', from: '2024-01-01' } },
          { id: 'ideell-insats', label: 'Ideell insats', kind: 'ownContribution', hours: 1_500, hourlyValue: null, statedValue: kronor(341_314) },
        ],
        period: { start: '2023-01-01', end: '2025-12-31' },
        noticeMonths: 6,
        paymentSchedule: 'yearly-in-january',
        exclusions: [],
      },
    });
    const perInhabitant = { ...v1.terms, funding: { kind: 'perInhabitant', amountPerInhabitant: 3, inhabitants: 6_784 }, volunteerContribution: null };
    expect((upcast('ApplicationSubmitted', 1, { terms: perInhabitant }).terms as Terms).fundingLines).toEqual([
      {
        id: 'bidrag',
        label: 'Bidrag',
        kind: 'perInhabitant',
        ratePerInhabitant: kronor(3),
        inhabitants: { count: 6_784, asOf: null },
        indexation: v1.terms.indexation,
      },
    ]);
    expect(upcast('TermsAmended', 1, { terms: v1.terms, reason: 'x', agreedOn: '2024-06-01' })).toMatchObject({ effectiveFrom: '2024-06-01' });
  });

  it.each([
    ['PaymentRecorded', { amount: 472_200 }, { amount: 47_220_000 }],
    ['RepaymentClaimed', { amount: 25_000 }, { amount: 2_500_000 }],
    ['AnnualReportSubmitted', { fundsUsed: 472_200 }, { fundsUsed: 47_220_000 }],
    ['AgreementTerminated', { refund: 127_865 }, { refund: 12_786_500 }],
  ])('read %s amounts in öre', (type, v1, v2) => {
    expect(upcast(type, 1, Object.freeze({ ...v1, at }))).toEqual({ ...v2, at });
  });

  it('fold a whole v1 stream (Linköping through its 2023 payment) to the facts the current build records', () => {
    const current = seedEvents(linkoping, 'operationalMeeting'); // up to, not including, the meeting
    const asV1 = current.map((event) =>
      Object.freeze({ type: event.type, data: v1Payload(event), metadata: { schemaVersion: 1, machineId: 'iopCase', machineVersion: 1 } }),
    );
    const facts = asV1.reduce(applyRecorded, undefined)!.context;
    expect(facts.payments).toEqual([{ amount: kronor(472_200), paidOn: '2023-01-20', covers: { start: '2023-01-01', end: '2023-12-31' }, reference: null }]);
    expect(facts.terms?.fundingLines.map((line) => line.id)).toEqual(['bidrag', 'ideell-insats']);
  });
});
