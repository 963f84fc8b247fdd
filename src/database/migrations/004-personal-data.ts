import type { Migration } from '../migrator';

/**
 * Data subjects: one key per person whose data the events hold (contact persons). The events
 * keep only ciphertext and the subject's id; erasing the subject deletes its key here, which makes
 * that ciphertext unreadable for good while the hash chain over it still verifies.
 *
 * - `email_lookup`: HMAC-SHA256 of the normalised email under a key derived from the master key,
 *   so an erasure request by email finds the subject without the email being stored in clear;
 * - `wrapped_key`: the subject's AES-256 key, itself encrypted (AES-256-GCM) under the master key;
 * - both are cleared on erasure. At most one live subject per email and tenant: registering the
 *   email of an erased subject makes a new subject.
 */
export const personalData: Migration = {
  version: 4,
  name: 'personal-data',
  sql: `
    CREATE TABLE data_subjects (
      tenant        text        NOT NULL,
      subject_id    uuid        NOT NULL,
      email_lookup  bytea,
      wrapped_key   bytea,
      created_at    timestamptz NOT NULL,
      erased_at     timestamptz,
      PRIMARY KEY (tenant, subject_id),
      CONSTRAINT key_until_erased CHECK ((erased_at IS NULL) = (wrapped_key IS NOT NULL)),
      CONSTRAINT no_lookup_after_erasure CHECK (erased_at IS NULL OR email_lookup IS NULL)
    );
    CREATE UNIQUE INDEX data_subjects_live_by_email ON data_subjects (tenant, email_lookup) WHERE erased_at IS NULL;
  `,
};
