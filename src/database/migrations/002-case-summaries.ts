import type { Migration } from '../migrator';

/** The case list (GET /cases): one row per case, kept by the case-summaries projection. */
export const caseSummaries: Migration = {
  version: 2,
  name: 'case-summaries',
  sql: `
    CREATE TABLE case_summaries (
      tenant              text        NOT NULL,
      case_id             uuid        NOT NULL,
      revision            bigint      NOT NULL,
      diarienummer        text,
      state_paths         text[]      NOT NULL,
      state_label_sv      text        NOT NULL,
      state_label_en      text        NOT NULL,
      closed              boolean     NOT NULL,
      organisation_name   text,
      organisation_number text,
      body_code           text,
      officer_id          text,
      officer_name        text,
      received_on         date,
      updated_at          timestamptz NOT NULL,
      PRIMARY KEY (tenant, case_id)
    );
    CREATE INDEX case_summaries_by_update ON case_summaries (tenant, updated_at DESC, case_id);
  `,
};
