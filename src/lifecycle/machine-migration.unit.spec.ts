import { describe, expect, it } from '@jest/globals';
import { linkoping, osterakerKvinnojouren } from '../demo/seed-cases';
import { caseMachine, CASE_MACHINE_ID, type CaseMachine } from './case.machine';
import { fold } from './evolve';
import { MigrationRefused } from './lifecycle.errors';
import { decideMigration, migrateSnapshot, type MachineLookup, type MachineRef } from './machine-migration';
import { deriveMachine, retarget } from './machine-variant';
import { stateOf } from '../../test/support/given';
import { seedEvents } from '../../test/support/seeded-cases';

const v1: MachineRef = { id: CASE_MACHINE_ID, version: 1 };
const v2: MachineRef = { id: CASE_MACHINE_ID, version: 2 };
const now = '2023-06-01T10:00:00.000Z';
const command = { reason: 'Ny delegationsordning', now };

/** Version 2 as each test defines it, looked up like the registered machines. */
const registry =
  (machine: CaseMachine): MachineLookup =>
  (ref) =>
    ref.version === 1 ? caseMachine : ref.version === 2 ? machine : undefined;

describe('decideMigration', () => {
  const inPreparation = fold(seedEvents(linkoping, 'signProposal'));
  const signing = fold(seedEvents(osterakerKvinnojouren, 'signOrganisation'));

  it('given a live case whose state and facts exist in v2, when it moves to v2, then MachineVersionChanged is decided and the case keeps state and facts', () => {
    const relabelled = deriveMachine(caseMachine, (config) => {
      config.states.preparation.meta = { label: { sv: 'Beredning', en: 'Preparation' } };
    });
    const decision = decideMigration(inPreparation, v1, v2, command, registry(relabelled));
    expect(decision).toEqual({ allowed: true, event: { type: 'MachineVersionChanged', data: { from: v1, to: v2, reason: command.reason, at: now } } });

    const moved = migrateSnapshot(inPreparation, v1, v2, registry(relabelled));
    expect(moved.machine).toBe(relabelled);
    expect(stateOf(moved)).toBe('preparation.proposalDrafted');
    expect(moved.context).toEqual(inPreparation.context);
    expect(
      moved.can({ type: 'ProposalSigned', data: { signedBy: { name: 'A', title: 'B' }, signedOn: '2022-10-25', document: null, at: '2022-10-25T12:00:00Z' } }),
    ).toBe(true);
  });

  it('given a case in a state v2 no longer has, when it moves, then it is refused naming the state', () => {
    const renamed = deriveMachine(caseMachine, (config) => {
      config.states.contracting = config.states.signing;
      delete config.states.signing;
      retarget(config, '#iopCase.signing', '#iopCase.contracting');
    });
    const decision = decideMigration(signing, v1, v2, command, registry(renamed));
    expect(decision).toEqual({
      allowed: false,
      reasons: [expect.objectContaining({ rule: 'STATE_UNKNOWN', en: 'State signing does not exist in the target machine (no such state).' })],
    });
    expect(() => migrateSnapshot(signing, v1, v2, registry(renamed))).toThrow(MigrationRefused);
  });

  it('given a parallel state that gained a region in v2, when it moves, then it is refused: the new region would have no state', () => {
    const witnessed = deriveMachine(caseMachine, (config) => {
      config.states.signing.states!.witness = { initial: 'pending', states: { pending: {}, done: { type: 'final' } } };
    });
    const decision = decideMigration(signing, v1, v2, command, registry(witnessed));
    expect(decision).toMatchObject({ allowed: false, reasons: [{ rule: 'STATE_UNKNOWN', en: expect.stringContaining('its regions witness have no state') }] });
  });

  it('given facts v2 does not have or requires but are unknown, when it moves, then it is refused naming them', () => {
    const stricter = deriveMachine(caseMachine, (config) => {
      config.context = { ...(config.context as object), riskAssessment: null };
      config.states.preparation.meta = { ...config.states.preparation.meta, requires: ['finalOn'] };
    });
    const decision = decideMigration(inPreparation, v1, v2, command, registry(stricter));
    expect(decision).toMatchObject({
      allowed: false,
      reasons: [{ rule: 'FACT_UNKNOWN' }, { rule: 'FACT_MISSING', en: 'State preparation requires finalOn, which is not known.' }],
    });
  });

  it('given a closed case, the same machine, or a machine that does not exist, when it moves, then it is refused', () => {
    const closed = fold(seedEvents(linkoping));
    expect(decideMigration(closed, v1, v2, command, registry(caseMachine))).toMatchObject({ allowed: false, reasons: [{ rule: 'CASE_CLOSED' }] });
    expect(decideMigration(inPreparation, v1, v1, command)).toMatchObject({ allowed: false, reasons: [{ rule: 'SAME_MACHINE' }] });
    expect(decideMigration(inPreparation, v1, { id: CASE_MACHINE_ID, version: 9 }, command)).toMatchObject({
      allowed: false,
      reasons: [{ rule: 'UNKNOWN_MACHINE' }],
    });
  });
});
