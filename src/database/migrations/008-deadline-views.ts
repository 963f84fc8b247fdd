import type { Migration } from '../migrator';

/**
 * Seeing deadlines: `case_deadlines` (GET /deadlines and the iCalendar feed), one row per deadline
 * a case has open or has met, kept by the case-deadlines projection; `case_deadline_heads` records
 * the case revision the rows show, so that the projection never moves a case back. Feed tokens
 * are stored as SHA-256 hashes only.
 */
export const deadlineViews: Migration = {
  version: 8,
  name: 'deadline-views',
  sql: `
    CREATE TABLE case_deadline_heads (
      tenant    text   NOT NULL,
      case_id   uuid   NOT NULL,
      revision  bigint NOT NULL,
      PRIMARY KEY (tenant, case_id)
    );
    CREATE TABLE case_deadlines (
      tenant              text    NOT NULL,
      case_id             uuid    NOT NULL,
      key                 text    NOT NULL,
      kind                text    NOT NULL,
      due_on              date    NOT NULL,
      rule                text    NOT NULL,
      label               text    NOT NULL,
      explanation_sv      text    NOT NULL,
      explanation_en      text    NOT NULL,
      met                 boolean NOT NULL,
      diarienummer        text,
      organisation_name   text,
      organisation_number text,
      officer_id          text,
      PRIMARY KEY (tenant, case_id, key)
    );
    CREATE INDEX case_deadlines_by_date ON case_deadlines (tenant, due_on, case_id, key);
    CREATE TABLE deadline_feed_tokens (
      id          uuid        PRIMARY KEY,
      tenant      text        NOT NULL,
      token_hash  bytea       NOT NULL UNIQUE,
      scope       text        NOT NULL CHECK (scope IN ('tenant', 'mine')),
      owner_id    text        NOT NULL,
      owner_name  text        NOT NULL,
      created_at  timestamptz NOT NULL,
      revoked_at  timestamptz
    );
  `,
};
