import type { Migration } from '../migrator';

/**
 * Saved views (`/views`): a named query of the case list, personal or shared with the tenant's
 * officials. They are preferences, not records of the case, so a table rather than events (see
 * docs/ARCHITECTURE.md, *Saved views*). `version` counts changes, for If-Match.
 *
 * The worklist: `case_summaries.commands` holds the commands a case's state accepts (whatever the
 * roles), so the list can answer "waiting on me" without folding every case. The rows' revisions
 * are set back and the projection's checkpoint removed, so that it refolds each case once and
 * fills the new column.
 */
export const savedViewsAndWorklist: Migration = {
  version: 9,
  name: 'saved-views-and-worklist',
  sql: `
    CREATE TABLE saved_views (
      tenant      text        NOT NULL,
      id          uuid        NOT NULL,
      owner_id    text        NOT NULL,
      owner_name  text        NOT NULL,
      name        text        NOT NULL,
      shared      boolean     NOT NULL,
      query       jsonb       NOT NULL,
      columns     text[]      NOT NULL,
      version     integer     NOT NULL,
      created_at  timestamptz NOT NULL,
      updated_at  timestamptz NOT NULL,
      PRIMARY KEY (tenant, id)
    );
    CREATE INDEX saved_views_by_owner ON saved_views (tenant, owner_id, name);
    CREATE INDEX saved_views_shared ON saved_views (tenant, name) WHERE shared;

    ALTER TABLE case_summaries ADD COLUMN commands text[] NOT NULL DEFAULT '{}';
    UPDATE case_summaries SET revision = -1;
    DELETE FROM subscription_checkpoints WHERE subscription_id = 'case-summaries';
  `,
};
