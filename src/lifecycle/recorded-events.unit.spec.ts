import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { linkoping } from '../demo/seed-cases';
import { currentSchemaVersion } from './case.event-schemas';
import { caseMachine, CASE_MACHINE_ID, machines } from './case.machine';
import { deriveMachine } from './machine-variant';
import { foldStored, applyRecorded, type StoredCaseEvent } from './recorded-events';
import { stateOf } from '../../test/support/given';
import { seedEvents } from '../../test/support/seeded-cases';

const v2 = deriveMachine(caseMachine, (config) => {
  config.states.preparation.meta = { label: { sv: 'Beredning', en: 'Preparation' } };
});
const under = (version: number, type = 'MachineVersionChanged') => ({
  schemaVersion: currentSchemaVersion(type),
  machineId: CASE_MACHINE_ID,
  machineVersion: version,
});
const change = (from: number, to: number, version = to): StoredCaseEvent => ({
  type: 'MachineVersionChanged',
  data: { from: { id: CASE_MACHINE_ID, version: from }, to: { id: CASE_MACHINE_ID, version: to }, reason: 'test', at: '2022-10-21T12:00:00Z' },
  metadata: under(version),
});

describe('a stream with a MachineVersionChanged', () => {
  beforeAll(() => {
    machines[CASE_MACHINE_ID][2] = v2;
  });
  afterAll(() => {
    delete machines[CASE_MACHINE_ID][2];
  });

  const [before, after] = [seedEvents(linkoping, 'signProposal'), seedEvents(linkoping, 'schedule').slice(seedEvents(linkoping, 'signProposal').length)];

  it('folds its earlier events under v1 and, from the change on, under v2', () => {
    const stream = [...before.map((e) => ({ ...e, metadata: under(1, e.type) })), change(1, 2), ...after.map((e) => ({ ...e, metadata: under(2, e.type) }))];
    const folded = foldStored(stream, { id: CASE_MACHINE_ID, version: 1 });
    expect(folded.machine).toEqual({ id: CASE_MACHINE_ID, version: 2 });
    expect(folded.snapshot.machine).toBe(v2);
    expect(stateOf(folded.snapshot)).toBe('preparation.proposalSigned');
  });

  it('refuses events after the change that still name v1, and a change recorded under another machine than its target', () => {
    const v1Events = before.map((e) => ({ ...e, metadata: under(1, e.type) }));
    const moved = [...v1Events, change(1, 2)].reduce<ReturnType<typeof applyRecorded> | undefined>(applyRecorded, undefined)!;
    expect(() => applyRecorded(moved, { ...after[0], metadata: under(1, after[0].type) })).toThrow(
      /recorded under iopCase v1, but the case lives under iopCase v2/,
    );
    const unmoved = v1Events.reduce<ReturnType<typeof applyRecorded> | undefined>(applyRecorded, undefined)!;
    expect(() => applyRecorded(unmoved, change(1, 2, 1))).toThrow(/MachineVersionChanged was recorded under iopCase v1/);
    expect(() => applyRecorded(unmoved, change(2, 2))).toThrow(/SAME_MACHINE|recorded under iopCase v2, but the case lives under iopCase v1/);
  });
});
