import { describe, expect, it } from '@jest/globals';
import { command, linkoping } from '../demo/seed-cases';
import { fold } from '../lifecycle/evolve';
import { record, seedEvents } from '../../test/support/seeded-cases';
import { SwedishCalendar } from '../calendar';
import { DEFAULT_DEADLINE_OPTIONS as options } from './deadline-rules';
import { deadlinesOf } from './deadlines-of';

const calendar = new SwedishCalendar();

/** Linköping's open deadlines as `key date`, just before the named step. */
const before = (step: keyof typeof linkoping) => deadlinesOf(fold(seedEvents(linkoping, step)).context, calendar, options).map((d) => `${d.key} ${d.date}`);

describe('deadlinesOf (Linköping)', () => {
  it('follows the case through decision and signing, one step at a time', () => {
    expect(before('register')).toEqual(['registration 2022-09-01']);
    expect(before('assignOfficer')).toEqual([]);
    expect(before('justering')).toEqual(['protocol-justering 2022-11-23']);
    expect(before('posting')).toEqual(['posting 2022-11-16']);
    expect(before('final')).toEqual(['appeal-window-ends 2022-12-06', 'decision-final 2022-12-07']);
    expect(before('signMunicipality')).toEqual(['signing-pending 2022-12-21']);
    expect(before('signOrganisation')).toEqual(['signing-pending 2022-12-21']);
  });

  it('once signed, watches the whole period, sorted by date', () => {
    const open = before('payment2023');
    expect(open.filter((d) => /^(yearly-payment|report-back|last-day|renewal|period)/.test(d))).toEqual([
      'yearly-payment:2023 2023-01-31',
      'yearly-payment:2024 2024-01-31',
      'yearly-payment:2025 2025-01-31',
      'renewal-reminder:120 2025-03-02',
      'report-back 2025-03-31',
      'renewal-reminder:60 2025-05-01',
      'renewal-reminder:30 2025-05-31',
      'renewal-reminder:7 2025-06-23',
      'last-day-to-give-notice 2025-06-30',
      'period-ends 2025-12-31',
    ]);
    expect(open.filter((d) => d.startsWith('follow-up-meeting'))).toHaveLength(12);
    expect(open.filter((d) => /^(annual-report|evaluation)/.test(d))).toHaveLength(6);
    const days = open.map((d) => d.split(' ')[1]);
    expect(days).toEqual([...days].sort());
  });

  it('drops what the case has done', () => {
    const open = before('notice');
    expect(open.some((d) => d.startsWith('yearly-payment'))).toBe(false);
    expect(open).not.toContain('report-back 2025-03-31');
    expect(open).not.toContain('annual-report:2023 2024-03-31');
    expect(open).toContain('evaluation:2024 2025-03-31');
    expect(open).not.toContain('follow-up-meeting:operational:2023-H1 2023-06-30');
  });

  it('after notice: the notice takes effect instead of the period ending, later duties lapse', () => {
    const open = before('terminate');
    expect(open.at(-1)).toBe('notice-takes-effect 2025-09-30');
    expect(open.filter((d) => /^(period-ends|renewal|last-day)/.test(d))).toEqual([]);
    expect(open).not.toContain('follow-up-meeting:strategic:2025-H2 2025-12-31');
  });

  it('a late appeal takes the agreement to the court: no signing or in-force deadlines until the judgment', () => {
    const active = seedEvents(linkoping, 'payment2023');
    const late = command('lodge-appeal', '2023-01-16', { lodgedOn: '2022-12-06', court: 'Förvaltningsrätten i Linköping', caseReference: null });
    const appealed = [...active, ...record([late], fold(active))];
    expect(deadlinesOf(fold(appealed).context, calendar, options)).toEqual([]);
    const upheld = record([command('record-appeal-outcome', '2023-03-01', { outcome: 'upheld', decidedOn: '2023-03-01' })], fold(appealed));
    expect(deadlinesOf(fold([...appealed, ...upheld]).context, calendar, options).map((d) => d.key)).toContain('yearly-payment:2023');
  });

  it('has nothing for a closed case', () => {
    expect(deadlinesOf(fold(seedEvents(linkoping)).context, calendar, options)).toEqual([]);
  });
});
