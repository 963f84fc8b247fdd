import type { Migration } from '../migrator';

/**
 * A case's folded state at a revision, so a command need not fold the stream from its first event
 * (see docs/ARCHITECTURE.md, "Snapshots"). One row per case and machine version: the newest
 * revision folded under it. `fold_key` names the build's machine definition and event schemas the
 * state was folded with; a build with another key ignores the row. Derived data: deleting any or
 * all rows loses nothing, and the verifier checks every row against the full fold.
 */
export const caseSnapshots: Migration = {
  version: 10,
  name: 'case-snapshots',
  sql: `
    CREATE TABLE case_snapshots (
      tenant          text        NOT NULL,
      stream_id       text        NOT NULL,
      machine_id      text        NOT NULL,
      machine_version integer     NOT NULL,
      revision        bigint      NOT NULL,
      hash            text        NOT NULL,
      recorded_at     text        NOT NULL,
      fold_key        text        NOT NULL,
      state           jsonb       NOT NULL,
      written_at      timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant, stream_id, machine_id, machine_version)
    );
  `,
};
