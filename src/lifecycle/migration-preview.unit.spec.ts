import { describe, expect, it } from '@jest/globals';
import { linkoping, osterakerKvinnojouren } from '../demo/seed-cases';
import { currentSchemaVersion } from './case.event-schemas';
import { caseMachine } from './case.machine';
import { fold } from './evolve';
import { deriveMachine } from './machine-variant';
import { finalReachable, previewCase } from './migration-preview';
import { seedEvents } from '../../test/support/seeded-cases';

const stored = (events: ReturnType<typeof seedEvents>) =>
  events.map((event) => ({ ...event, metadata: { schemaVersion: currentSchemaVersion(event.type), machineId: 'iopCase', machineVersion: 1 } }));
const preview = (events: ReturnType<typeof seedEvents>, candidate = caseMachine) => previewCase(stored(events), fold(events), candidate);

describe('previewCase', () => {
  it('given the current machine as candidate, then every case ends the same', () => {
    expect(preview(seedEvents(linkoping, 'notice'))).toEqual({ outcome: 'same', now: ['active.running'], candidate: ['active.running'] });
  });

  it('given a candidate without a transition the history used, then the case is refused at that revision', () => {
    const noMeetings = deriveMachine(caseMachine, (config) => {
      delete config.states.active.on!.FollowUpMeetingRecorded;
    });
    const history = seedEvents(linkoping, 'notice');
    const first = history.findIndex((event) => event.type === 'FollowUpMeetingRecorded');
    expect(preview(history, noMeetings)).toMatchObject({ outcome: 'refused', refused: { revision: first, eventType: 'FollowUpMeetingRecorded' } });
  });

  it('given a candidate whose end state cannot reach any end, then the case is stuck', () => {
    const noWayOut = deriveMachine(caseMachine, (config) => {
      delete config.states.signing.on!.ApplicationWithdrawn;
      delete config.states.signing.on!.AppealLodged;
      const unsigned = config.states.signing.states!.organisation.states!.unsigned;
      delete (unsigned.on as Record<string, unknown>).AgreementSigned;
      delete unsigned.always;
    });
    const halfSigned = seedEvents(osterakerKvinnojouren, 'signOrganisation');
    expect(preview(halfSigned, noWayOut)).toMatchObject({ outcome: 'stuck' });
    expect(finalReachable(fold(halfSigned))).toBe(true);
  });
});
