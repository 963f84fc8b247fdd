import type { Migration } from '../migrator';

/**
 * Durable timers, a projection of the case streams (src/deadlines/timers): one row per moment the
 * engine must act or notify. `fire_at` is when the scheduler next tries (the due moment, pushed
 * back after a failed attempt). Two partial indexes, acting and notifying timers, each in fire_at
 * order, make "the next batch due" cost the batch and "when is the next one" two index probes,
 * however many timers there are. `timer_cases` records the case revision the rows were computed
 * from, so that an event delivered again, or late, changes nothing.
 */
export const timers: Migration = {
  version: 6,
  name: 'timers',
  sql: `
    CREATE TABLE timers (
      tenant       text        NOT NULL,
      case_id      uuid        NOT NULL,
      key          text        NOT NULL,
      kind         text        NOT NULL,
      occasion     text        NOT NULL CHECK (occasion IN ('reminder', 'due', 'acted')),
      due_on       date        NOT NULL,
      deadline_on  date        NOT NULL,
      days_before  integer     NOT NULL,
      due_at       timestamptz NOT NULL,
      fire_at      timestamptz NOT NULL,
      command      text,
      recipients   text[]      NOT NULL,
      deadline     jsonb       NOT NULL,
      status       text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'fired', 'skipped', 'cancelled')),
      attempts     integer     NOT NULL DEFAULT 0,
      last_error   text,
      settled_at   timestamptz,
      updated_at   timestamptz NOT NULL,
      PRIMARY KEY (tenant, case_id, key)
    );
    CREATE INDEX timers_pending_acting ON timers (fire_at) WHERE status = 'pending' AND command IS NOT NULL;
    CREATE INDEX timers_pending_notifying ON timers (fire_at) WHERE status = 'pending' AND command IS NULL;
    CREATE TABLE timer_cases (
      tenant   text   NOT NULL,
      case_id  uuid   NOT NULL,
      revision bigint NOT NULL,
      PRIMARY KEY (tenant, case_id)
    );
  `,
};
