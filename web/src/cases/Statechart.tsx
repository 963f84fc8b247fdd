import { useEffect, useRef } from 'react';
import type { Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';

type Chart = Schemas['StatechartDto'];
type State = Chart['states'][number];

/** Every state on a path and its ancestors: `decision.approved.awaitingJustering` is in `decision` and `decision.approved` too. */
export function withAncestors(paths: Iterable<string>): Set<string> {
  const all = new Set<string>();
  for (const path of paths) path.split('.').forEach((_, i, parts) => all.add(parts.slice(0, i + 1).join('.')));
  return all;
}

/**
 * The case's lifecycle drawn from the machine definition (laid out by the service): nested and
 * parallel states, the current ones with a thick border, visited ones shaded; one keyboard stop
 * (the scrollable figure), and the same information as a nested list below it.
 */
export function Statechart({ chart, current, visited }: { chart: Chart; current: Set<string>; visited: Set<string> }) {
  const { t, lang } = useI18n();
  const currentLabels = chart.states.filter((s) => current.has(s.path) && !chart.states.some((c) => c.parent === s.path && current.has(c.path)));
  const status = (state: State) => (current.has(state.path) ? 'current' : visited.has(state.path) ? 'visited' : 'other');
  const figure = useRef<HTMLElement>(null);
  const focus = currentLabels[0];
  // The chart is larger than the page: open it centred on where the case stands, not at its top-left corner.
  useEffect(() => {
    const view = figure.current;
    if (!view || !focus) return;
    view.scrollTo({ left: focus.x + focus.width / 2 - view.clientWidth / 2, top: focus.y + focus.height / 2 - view.clientHeight / 2 });
  }, [focus]);
  return (
    <section aria-labelledby="statechart-heading">
      <h2 id="statechart-heading">{t.case.statechart}</h2>
      <p className="muted">{t.case.statechartHelp}</p>
      <figure ref={figure} className="statechart" tabIndex={0} aria-labelledby="statechart-caption">
        <svg
          viewBox={`0 0 ${Math.ceil(chart.width)} ${Math.ceil(chart.height)}`}
          width={Math.ceil(chart.width)}
          height={Math.ceil(chart.height)}
          role="img"
          aria-labelledby="statechart-caption"
        >
          <defs>
            <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" className="arrow-head" />
            </marker>
          </defs>
          {chart.states.map((state) => (
            <g key={state.path} className={`state ${state.kind} ${status(state)}`} data-path={state.path}>
              <rect x={state.x} y={state.y} width={state.width} height={state.height} rx={state.kind === 'final' ? 14 : 6} />
              <text
                x={state.x + (state.kind === 'atomic' || state.kind === 'final' ? state.width / 2 : 10)}
                y={state.y + (state.kind === 'atomic' || state.kind === 'final' ? state.height / 2 + 4 : 20)}
                textAnchor={state.kind === 'atomic' || state.kind === 'final' ? 'middle' : 'start'}
              >
                {state.label[lang]}
              </text>
            </g>
          ))}
          {chart.transitions.map((transition) => (
            <polyline
              key={`${transition.from}->${transition.to}`}
              className="transition"
              points={transition.points.map((p) => `${p.x},${p.y}`).join(' ')}
              markerEnd="url(#arrow)"
            >
              <title>{transition.events.join(', ')}</title>
            </polyline>
          ))}
        </svg>
        <figcaption id="statechart-caption">{t.case.statechartImage(currentLabels.map((s) => s.label[lang]).join(', '))}</figcaption>
      </figure>
      <details className="statechart-list">
        <summary>{t.case.statechartList}</summary>
        <StateList states={chart.states} parent={null} status={status} />
      </details>
    </section>
  );
}

function StateList({ states, parent, status }: { states: State[]; parent: string | null; status: (state: State) => string }) {
  const { t, lang } = useI18n();
  const level = states.filter((s) => s.parent === parent);
  if (level.length === 0) return null;
  return (
    <ul>
      {level.map((state) => (
        <li key={state.path} className={`state-item ${status(state)}`}>
          {state.label[lang]}
          {status(state) === 'current' && <strong> ({t.case.current})</strong>}
          {status(state) === 'visited' && <span> ({t.case.visited})</span>}
          <StateList states={states} parent={state.path} status={status} />
        </li>
      ))}
    </ul>
  );
}
