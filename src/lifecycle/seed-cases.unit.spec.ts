import { describe, expect, it } from '@jest/globals';
import { allowedCommands, stateLabel } from './case.queries';
import { decide } from './decide';
import { fold } from './evolve';
import { given, stateOf } from '../../test/support/given';
import { seedEvents } from '../../test/support/seeded-cases';
import { command, linkoping, osterakerBrottsofferjouren, osterakerKvinnojouren, robertsfors } from '../demo/seed-cases';
import { kronor, ore } from '../money';

describe('Linköping (SON 2019-536): application to termination', () => {
  const events = seedEvents(linkoping);
  const snapshot = fold(events);

  it('walks every step and ends terminated, with the unused part of the 2025 payment refunded', () => {
    expect(stateOf(snapshot)).toBe('terminated');
    expect(stateLabel(snapshot).sv).toBe('Avslutad – uppsagd');
    // 507 290,13 kr covered 2025; in force through 2025-09-30, so 92 of 365 days are unused: 12 786 491 öre, to the öre.
    expect(events.at(-1)).toEqual({
      type: 'AgreementTerminated',
      data: { terminatedOn: '2025-09-30', refund: ore(12_786_491), at: '2025-10-01T12:00:00Z' },
    });
    expect(snapshot.context.closed).toEqual({ as: 'terminated', on: '2025-09-30' });
  });

  it('keeps the facts of the agreement', () => {
    const facts = snapshot.context;
    expect(facts.diarienummer).toBe('SON 2019-536');
    expect(facts.terms?.fundingLines.map((line) => [line.id, line.kind])).toEqual([
      ['bidrag', 'fixed'],
      ['ideell-insats', 'ownContribution'],
    ]);
    expect(facts.signatures.organisation?.organisationNumber).toBe('8220040417');
    expect(facts.payments.map((p) => p.amount)).toEqual([kronor(472_200), ore(49_156_020), ore(50_729_013)]);
    expect(facts.followUpMeetings.map((m) => m.forum)).toEqual(['operational', 'strategic']);
    expect(facts.notice).toEqual({ party: 'organisation', receivedOn: '2025-03-31', inWriting: true, effectiveOn: '2025-09-30', receipt: null });
  });

  it('is active once both parties have signed', () => {
    expect(stateOf(fold(seedEvents(linkoping, 'payment2023')))).toBe('active.running');
  });

  it('records only serialisable data', () => {
    expect(JSON.parse(JSON.stringify(events))).toEqual(events);
  });
});

describe('Robertsfors: the utskott recommends, KS decides', () => {
  it('goes from the committee to the board, and the board approves', () => {
    given(...seedEvents(robertsfors, 'recommend'))
      .when(robertsfors.recommend)
      .then({
        type: 'DecisionRecorded',
        data: {
          outcome: 'recommended',
          paragraph: '§ 61',
          recommendedTo: robertsfors.recommend.recommendedTo,
          motivation: 'Utskottet rekommenderar kommunstyrelsen att ingå avtal.',
          at: '2017-11-28T12:00:00Z',
        },
      });
    const beforeBoard = fold(seedEvents(robertsfors, 'scheduleBoard'));
    expect(stateOf(beforeBoard)).toBe('decision.pending.recommended');
    expect(stateLabel(beforeBoard).sv).toBe('Rekommenderad – väntar på beslut i högre organ');
    expect(allowedCommands(beforeBoard)).toEqual(['assign-officer', 'withdraw', 'schedule-meeting']);
  });

  it('walks to signing (organisation first) and expires at the period end as written', () => {
    const snapshot = fold(seedEvents(robertsfors));
    expect(stateOf(snapshot)).toBe('expired');
    expect(snapshot.context.decisions.map((d) => [d.body.code, d.outcome])).toEqual([
      ['SU', 'recommended'],
      ['KS', 'approved'],
    ]);
    expect(snapshot.context.closed).toEqual({ as: 'expired', on: '2020-12-23' });
  });
});

describe('Österåker', () => {
  it('Brottsofferjouren (KS 2023/01692) awaits signatures once the KS decision is final', () => {
    const snapshot = fold(seedEvents(osterakerBrottsofferjouren));
    expect(stateOf(snapshot)).toBe('signing.municipality.unsigned + signing.organisation.unsigned');
    expect(snapshot.context.finalOn).toBe('2023-10-03');
    expect(stateLabel(snapshot).sv).toBe('Undertecknande: väntar på kommunens underskrift, väntar på organisationens underskrift');
  });

  it('Kvinnojouren (SN 2023/0050) keeps the sheltered housing excluded as a term of the active agreement', () => {
    const snapshot = fold(seedEvents(osterakerKvinnojouren));
    expect(stateOf(snapshot)).toBe('active.running');
    expect(snapshot.context.terms?.exclusions).toEqual(['Det skyddade boendets verksamhet']);
    expect(snapshot.context.proposal?.decisionPoints).toHaveLength(4);
  });
});

describe('the seed commands are plain data', () => {
  it('decides the same from a JSON round trip (as over HTTP)', () => {
    const snapshot = fold(seedEvents(linkoping, 'justering'));
    const overTheWire = JSON.parse(JSON.stringify(linkoping.justering));
    expect(decide(snapshot, overTheWire)).toEqual(decide(snapshot, linkoping.justering));
    expect(command('record-final', '2022-12-07', {})).toEqual(linkoping.final);
  });
});
