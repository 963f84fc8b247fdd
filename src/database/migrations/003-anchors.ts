import type { Migration } from '../migrator';

/**
 * The global anchor: periodic checkpoints, each chained to the one before, recording the stream
 * heads that changed since. A deleted stream, or a database rewound to an older copy, no longer
 * matches them (see docs/ARCHITECTURE.md, "Audit").
 */
export const anchors: Migration = {
  version: 3,
  name: 'anchors',
  sql: `
    CREATE TABLE anchors (
      sequence    bigint      PRIMARY KEY,
      created_at  timestamptz NOT NULL,
      streams     integer     NOT NULL,
      digest      bytea       NOT NULL,
      previous    bytea       NOT NULL,
      hash        bytea       NOT NULL
    );
    CREATE TABLE anchor_heads (
      sequence   bigint NOT NULL REFERENCES anchors,
      tenant     text   NOT NULL,
      stream_id  text   NOT NULL,
      revision   bigint NOT NULL,
      head_hash  bytea  NOT NULL,
      PRIMARY KEY (sequence, tenant, stream_id)
    );
    CREATE INDEX anchor_heads_by_stream ON anchor_heads (tenant, stream_id, sequence DESC);
  `,
};
