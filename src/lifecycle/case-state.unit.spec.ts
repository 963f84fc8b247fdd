import { describe, expect, it } from '@jest/globals';
import { linkoping, osterakerBrottsofferjouren, osterakerKvinnojouren, robertsfors } from '../demo/seed-cases';
import { seedEvents } from '../../test/support/seeded-cases';
import type { CaseEvent } from './case.events';
import { caseMachine } from './case.machine';
import { evolve, fold, restoreState, stateOf, type CaseSnapshot } from './evolve';

/** What a later command can see of a snapshot: where it is, what it knows, whether it is over, and what it may do next. */
const observable = (snapshot: CaseSnapshot) => ({ value: snapshot.value, context: snapshot.context, status: snapshot.status, tags: [...snapshot.tags].sort() });

describe('a case state stored as JSON and restored (what a stored snapshot keeps)', () => {
  it.each([
    ['Linköping', seedEvents(linkoping)],
    ['Robertsfors', seedEvents(robertsfors)],
    ['Österåker, Brottsofferjouren', seedEvents(osterakerBrottsofferjouren)],
    ['Österåker, Kvinnojouren', seedEvents(osterakerKvinnojouren)],
  ])('%s: folding on from the restored state after any prefix gives what folding every event gives', (_, events: CaseEvent[]) => {
    const whole = fold(events);
    for (let cut = 1; cut < events.length; cut++) {
      const stored = JSON.parse(JSON.stringify(stateOf(fold(events.slice(0, cut)))));
      const restored = restoreState(caseMachine, stored);
      expect(observable(restored)).toEqual(observable(fold(events.slice(0, cut))));
      expect(observable(events.slice(cut).reduce(evolve, restored))).toEqual(observable(whole));
    }
  });

  it('restores a closed case as done', () => {
    const closed = fold(seedEvents(linkoping));
    expect(closed.status).toBe('done');
    expect(restoreState(caseMachine, JSON.parse(JSON.stringify(stateOf(closed)))).status).toBe('done');
  });
});
