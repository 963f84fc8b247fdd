import { caseMachine } from '../../lifecycle';
import { layoutStatechart, type StatechartState } from './statechart';

describe('layoutStatechart', () => {
  it('places every state of the machine, each nested state inside its parent, and routes the transitions', async () => {
    const chart = await layoutStatechart(caseMachine);
    const byPath = new Map(chart.states.map((s) => [s.path, s]));
    expect(byPath.get('decision.approved.awaitingJustering')).toMatchObject({
      parent: 'decision.approved',
      kind: 'atomic',
      label: { sv: 'Beslutad – väntar på justering' },
    });
    expect(byPath.get('signing')?.kind).toBe('parallel');
    expect(byPath.get('expired')?.kind).toBe('final');
    const inside = (child: StatechartState, parent: StatechartState) =>
      child.x >= parent.x && child.y >= parent.y && child.x + child.width <= parent.x + parent.width && child.y + child.height <= parent.y + parent.height;
    for (const state of chart.states.filter((s) => s.parent)) expect([state.path, inside(state, byPath.get(state.parent!)!)]).toEqual([state.path, true]);
    for (const state of chart.states) expect(state.x + state.width).toBeLessThanOrEqual(chart.width);
    const justering = chart.transitions.find((t) => t.from === 'decision.approved.awaitingJustering');
    expect(justering).toMatchObject({ to: 'decision.approved.awaitingPosting', events: ['JusteringRecorded'] });
    expect(justering!.points.length).toBeGreaterThanOrEqual(2);
  });
});
