import { describe, expect, it } from '@jest/globals';
import { linkoping } from '../demo/seed-cases';
import { seedEvents } from '../../test/support/seeded-cases';
import { SwedishCalendar } from '../calendar';
import { DEFAULT_DEADLINE_OPTIONS as options } from './deadline-rules';
import { labelOf, statusOf, trackedDeadlines } from './deadline-status';

const calendar = new SwedishCalendar();
const tracked = (step?: keyof typeof linkoping) =>
  trackedDeadlines(seedEvents(linkoping, step), calendar, options).map((d) => `${d.key} ${d.date}${d.met ? ' met' : ''}`);

describe('trackedDeadlines (Linköping)', () => {
  it('keeps what the case met, with the date it had, next to what is open', () => {
    expect(tracked('signMunicipality')).toEqual([
      'registration 2022-09-01 met',
      'posting 2022-11-16 met',
      'protocol-justering 2022-11-23 met',
      'appeal-window-ends 2022-12-06 met',
      'decision-final 2022-12-07 met',
      'signing-pending 2022-12-21',
    ]);
  });

  it('after notice: the notice met the last day, renewal reminders and the period end are cancelled, not met', () => {
    const open = tracked('terminate');
    expect(open).toContain('last-day-to-give-notice 2025-06-30 met');
    expect(open).toContain('report-back 2025-03-31 met');
    expect(open).toContain('yearly-payment:2024 2024-01-31 met');
    expect(open).toContain('notice-takes-effect 2025-09-30');
    expect(open.filter((d) => /^(renewal-reminder|period-ends)/.test(d))).toEqual([]);
  });

  it('a closed case keeps only what was met', () => {
    const all = tracked();
    expect(all).toContain('notice-takes-effect 2025-09-30 met');
    expect(all.every((d) => d.endsWith(' met'))).toBe(true);
  });
});

describe('statusOf', () => {
  it.each([
    [{ kind: 'yearly-payment', date: '2025-06-30', met: false }, '2025-06-29', 'upcoming'],
    [{ kind: 'yearly-payment', date: '2025-06-30', met: false }, '2025-06-30', 'due-today'],
    [{ kind: 'yearly-payment', date: '2025-06-30', met: false }, '2025-07-01', 'overdue'],
    [{ kind: 'yearly-payment', date: '2025-06-30', met: true }, '2025-07-01', 'met'],
    // A moment that asks for nothing more passes; it is not overdue.
    [{ kind: 'appeal-window-ends', date: '2025-06-30', met: false }, '2025-06-30', 'due-today'],
    [{ kind: 'appeal-window-ends', date: '2025-06-30', met: false }, '2025-07-01', 'passed'],
    [{ kind: 'last-day-to-give-notice', date: '2025-06-30', met: false }, '2025-07-01', 'passed'],
    [{ kind: 'renewal-reminder', date: '2025-06-30', met: false }, '2025-07-01', 'passed'],
    // What is still owed falls overdue: the engine must still record the decision final.
    [{ kind: 'decision-final', date: '2025-06-30', met: false }, '2025-07-01', 'overdue'],
  ] as const)('%j on %s is %s', (deadline, today, status) => {
    expect(statusOf(deadline, today)).toBe(status);
  });

  it('the appeal window, past and not yet met by the finality the engine records next, reads as passed', () => {
    const open = trackedDeadlines(seedEvents(linkoping, 'final'), calendar, options);
    const window = open.find((d) => d.kind === 'appeal-window-ends')!;
    expect(window).toMatchObject({ date: '2022-12-06', met: false });
    expect(statusOf(window, '2022-12-07')).toBe('passed');
    expect(
      statusOf(
        open.find((d) => d.kind === 'decision-final')!,
        '2022-12-08',
      ),
    ).toBe('overdue');
  });
});

describe('labelOf', () => {
  it.each([
    ['registration', 'registration', 'Registrering i diariet'],
    ['yearly-payment', 'yearly-payment:2024', 'Årlig utbetalning 2024'],
    ['follow-up-meeting', 'follow-up-meeting:strategic:2024-H2', 'Samverkansmöte (strategiskt) 2024, halvår 2'],
    ['renewal-reminder', 'renewal-reminder:120', 'Besluta om förlängning (120 dagar före sista uppsägningsdag)'],
  ] as const)('%s %s → %s', (kind, key, label) => {
    expect(labelOf({ kind, key })).toBe(label);
  });
});
