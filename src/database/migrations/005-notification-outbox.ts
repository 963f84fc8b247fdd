import type { Migration } from '../migrator';

/**
 * The notification outbox: what the scheduler asked to be told, written in the transaction that
 * fired the timer. The dispatcher turns each intent into deliveries and stamps `dispatched_at`.
 */
export const notificationOutbox: Migration = {
  version: 5,
  name: 'notification-outbox',
  sql: `
    CREATE TABLE notification_outbox (
      id            uuid        PRIMARY KEY,
      tenant        text        NOT NULL,
      case_id       uuid        NOT NULL,
      intent        jsonb       NOT NULL,
      enqueued_at   timestamptz NOT NULL,
      dispatched_at timestamptz
    );
    CREATE INDEX notification_outbox_undispatched ON notification_outbox (enqueued_at, id) WHERE dispatched_at IS NULL;
  `,
};
