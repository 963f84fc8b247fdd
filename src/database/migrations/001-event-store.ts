import type { Migration } from '../migrator';

/**
 * The event store. Every key starts with the tenant (the municipality), so one tenant's
 * streams can never collide with or be addressed through another's.
 *
 * Global order is (transaction_id, position): `position` comes from a sequence and is taken
 * before commit, so concurrent transactions commit out of position order; readers only read
 * below the oldest still-running transaction id (see docs/ARCHITECTURE.md, "Global order").
 */
export const eventStore: Migration = {
  version: 1,
  name: 'event-store',
  sql: `
    CREATE TABLE streams (
      tenant      text        NOT NULL,
      stream_id   text        NOT NULL,
      revision    bigint      NOT NULL,
      head_hash   bytea       NOT NULL,
      updated_at  timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant, stream_id)
    );

    CREATE TABLE events (
      tenant          text   NOT NULL,
      stream_id       text   NOT NULL,
      revision        bigint NOT NULL,
      event_id        uuid   NOT NULL,
      type            text   NOT NULL,
      data            jsonb  NOT NULL,
      metadata        jsonb  NOT NULL,
      hash            bytea  NOT NULL,
      position        bigint GENERATED ALWAYS AS IDENTITY,
      transaction_id  bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
      PRIMARY KEY (tenant, stream_id, revision),
      UNIQUE (tenant, stream_id, event_id)
    );
    CREATE INDEX events_global_order ON events (transaction_id, position);

    CREATE TABLE subscription_checkpoints (
      subscription_id  text        PRIMARY KEY,
      commit_position  bigint      NOT NULL,
      prepare_position bigint      NOT NULL,
      updated_at       timestamptz NOT NULL DEFAULT now()
    );
  `,
};
