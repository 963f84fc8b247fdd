import type { Migration } from '../migrator';

/**
 * One row per (outbox intent, escalation rung, channel, address): what is sent to whom, and how
 * it went. Ids are deterministic, so dispatching or escalating twice inserts nothing new. A
 * worker claims a pending row by setting `leased_until`; a crashed worker's claim lapses and
 * the row is taken again. `escalate_at`: when an unacknowledged reminder goes to the next rung. `skipped` rows record a recipient that could not be resolved, and why.
 */
export const notificationDeliveries: Migration = {
  version: 7,
  name: 'notification-deliveries',
  sql: `
    CREATE TABLE notification_deliveries (
      id              uuid        PRIMARY KEY,
      outbox_id       uuid        NOT NULL REFERENCES notification_outbox (id),
      tenant          text        NOT NULL,
      case_id         uuid        NOT NULL,
      recipient       text        NOT NULL,
      rung            integer     NOT NULL,
      channel         text        NOT NULL CHECK (channel IN ('email', 'webhook', 'none')),
      address         text        NOT NULL,
      status          text        NOT NULL CHECK (status IN ('pending', 'delivered', 'failed', 'skipped')),
      skip_reason     text,
      attempts        integer     NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL,
      leased_until    timestamptz,
      last_error      text,
      created_at      timestamptz NOT NULL,
      delivered_at    timestamptz,
      acknowledged_at timestamptz,
      acknowledged_by text,
      escalate_at     timestamptz
    );
    CREATE INDEX notification_deliveries_due ON notification_deliveries (next_attempt_at, id) WHERE status = 'pending';
    CREATE INDEX notification_deliveries_by_tenant ON notification_deliveries (tenant, created_at, id);
    CREATE INDEX notification_deliveries_escalation ON notification_deliveries (escalate_at) WHERE escalate_at IS NOT NULL;
    CREATE INDEX notification_deliveries_by_intent ON notification_deliveries (outbox_id, rung);
  `,
};
