import type { Pool } from 'pg';
import type { IsoDate } from '../../src/calendar';

export interface DeadlineRowsSeed {
  tenant: string;
  cases: number;
  today: IsoDate;
  /** One deadline per offset (days from today) for every case … */
  offsets: readonly number[];
  /** … moved on by (case number mod spread) days, to spread the cases over the calendar; 1: not spread. */
  spread?: number;
}

/**
 * Rows of the case-deadlines read model written directly, as the projection would leave them for
 * that many cases (yearly payments, a third of them met): the calendar feed and GET /deadlines
 * read nothing else. For volumes no walk through the commands would reach in a test.
 */
export async function seedDeadlineRows(pool: Pool, { tenant, cases, today, offsets, spread = 1 }: DeadlineRowsSeed): Promise<void> {
  await pool.query(
    `INSERT INTO case_deadlines (tenant, case_id, key, kind, due_on, rule, label, explanation_sv, explanation_en, met, diarienummer, organisation_name, organisation_number, officer_id)
     SELECT $1, c.id, 'yearly-payment:' || d.n, 'yearly-payment', $2::date + d.offset_days + c.n % $4::int,
            'yearly-payment', 'Årlig utbetalning ' || d.n,
            'årets utbetalning senast 31 januari enligt överenskommelsen, beräknad från avtalets startdatum',
            'this year''s payment by 31 January under the agreement, counted from the start of the agreement',
            d.n % 3 = 0, 'SON 2024-' || c.n, 'Föreningen nummer ' || c.n || ' i Linköping', '802478-9128', 'officer-' || (c.n % 40)
     FROM (SELECT n, gen_random_uuid() AS id FROM generate_series(1, $3::int) AS n) AS c,
          unnest($5::int[]) WITH ORDINALITY AS d (offset_days, n)`,
    [tenant, today, cases, spread, offsets],
  );
  await pool.query('ANALYZE case_deadlines');
}
