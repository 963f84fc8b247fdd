import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AnyStateNode } from 'xstate';
import { COMMAND_TYPES, ROLES, commandEvents, commandRoles } from './commands';
import { CASE_MACHINE_ID, CASE_MACHINE_VERSION, caseMachine, machines } from './case.machine';
import { allowedCommands, labelOf } from './case.queries';
import { evolve, fold, initialSnapshot, machineFor } from './evolve';
import { EventNotApplicable, UnknownMachineVersion } from './lifecycle.errors';
import { renderLifecycleDocs } from './lifecycle-docs';
import { seedEvents } from '../../test/support/seeded-cases';
import { linkoping as L, noon } from '../demo/seed-cases';

describe('evolve and fold', () => {
  it('rebuild the case from its events', () => {
    const events = seedEvents(L, 'payment2023');
    expect(fold(events).value).toEqual({ active: 'running' });
    expect(events.reduce(evolve, initialSnapshot()).context).toEqual(fold(events).context);
  });

  it('refuse an event the case could not have taken (an inconsistent stream)', () => {
    const [submitted] = seedEvents(L, 'register');
    const stray = { type: 'JusteringRecorded' as const, data: { justeradOn: '2022-09-01', at: noon('2022-09-01') } };
    expect(() => fold([submitted, stray])).toThrow(EventNotApplicable);
    const early = {
      type: 'CaseRegistered' as const,
      data: { diarienummer: 'SON 2019-536', registeredOn: '2022-08-01', document: null, at: noon('2022-09-02') },
    };
    expect(() => fold([submitted, early])).toThrow(/DATE_BEFORE_RECEIVED/);
  });

  it('replay under the recorded machine version', () => {
    expect(machineFor(CASE_MACHINE_ID, CASE_MACHINE_VERSION)).toBe(caseMachine);
    expect(machines[CASE_MACHINE_ID][CASE_MACHINE_VERSION]).toBe(caseMachine);
    expect(machines[CASE_MACHINE_ID][1]).not.toBe(caseMachine);
    expect(() => machineFor(CASE_MACHINE_ID, 99)).toThrow(UnknownMachineVersion);
    expect(fold(seedEvents(L), machineFor('iopCase', 1)).value).toBe('terminated');
    expect(fold(seedEvents(L), machineFor('iopCase', 2)).value).toBe('terminated');
  });
});

describe('commands, events and roles', () => {
  it('every command records its own event type', () => {
    expect([...COMMAND_TYPES].sort()).toEqual(Object.keys(commandEvents).sort());
    expect(new Set(Object.values(commandEvents)).size).toBe(COMMAND_TYPES.length);
  });

  it('every command has roles; auditors, archivists and admins never write', () => {
    for (const type of COMMAND_TYPES) {
      expect(commandRoles[type].length).toBeGreaterThan(0);
      expect(commandRoles[type].every((role) => ROLES.includes(role) && role !== 'auditor' && role !== 'archivist' && role !== 'admin')).toBe(true);
    }
  });

  it('a new case only accepts an application', () => {
    expect(allowedCommands(fold([]))).toEqual(['submit-application']);
  });
});

describe('labels and docs', () => {
  const nodes = (node: AnyStateNode): AnyStateNode[] => (Object.values(node.states) as AnyStateNode[]).flatMap((child) => [child, ...nodes(child)]);

  it('every state has a Swedish and an English label', () => {
    for (const node of nodes(caseMachine.root)) {
      expect(labelOf(node)).toEqual({ sv: expect.stringMatching(/\S/), en: expect.stringMatching(/\S/) });
    }
  });

  it('docs/lifecycle.md is generated from the current machine (regenerate with npm run docs:lifecycle)', () => {
    const committed = readFileSync(resolve(__dirname, '../../docs/lifecycle.md'), 'utf8');
    expect(committed).toBe(renderLifecycleDocs(caseMachine));
  });
});
