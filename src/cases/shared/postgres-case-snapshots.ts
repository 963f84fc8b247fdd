import { Injectable } from '@nestjs/common';
import { Database } from '../../database/database';
import type { StreamName } from '../../event-store/event-store.port';
import type { CaseState } from '../../lifecycle';
import { CaseSnapshots, type CaseSnapshotRecord } from './case-snapshots';

interface SnapshotRow {
  ord: string;
  machine_id: string;
  machine_version: number;
  revision: string;
  hash: string;
  recorded_at: string;
  fold_key: string;
  state: CaseState;
}

/** Case snapshots in `case_snapshots` (migration 010): one row per case and machine version, the newest revision wins. */
@Injectable()
export class PostgresCaseSnapshots extends CaseSnapshots {
  constructor(private readonly db: Database) {
    super();
  }

  async read(streams: readonly StreamName[]): Promise<CaseSnapshotRecord[][]> {
    const { rows } = await this.db.pool.query<SnapshotRow>({
      name: 'read-case-snapshots',
      text: `SELECT w.ord, s.machine_id, s.machine_version, s.revision, s.hash, s.recorded_at, s.fold_key, s.state
             FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS w(tenant, stream_id, ord)
             JOIN case_snapshots s ON s.tenant = w.tenant AND s.stream_id = w.stream_id
             ORDER BY w.ord, s.revision DESC`,
      values: [streams.map((s) => s.tenant), streams.map((s) => s.id)],
    });
    const records = streams.map((): CaseSnapshotRecord[] => []);
    for (const row of rows) {
      records[Number(row.ord) - 1].push({
        revision: BigInt(row.revision),
        hash: row.hash,
        recordedAt: row.recorded_at,
        machine: { id: row.machine_id, version: row.machine_version },
        foldKey: row.fold_key,
        state: row.state,
      });
    }
    return records;
  }

  async write(stream: StreamName, snapshot: CaseSnapshotRecord): Promise<void> {
    await this.db.pool.query({
      name: 'write-case-snapshot',
      text: `INSERT INTO case_snapshots (tenant, stream_id, machine_id, machine_version, revision, hash, recorded_at, fold_key, state)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
             ON CONFLICT (tenant, stream_id, machine_id, machine_version) DO UPDATE SET
               revision = EXCLUDED.revision, hash = EXCLUDED.hash, recorded_at = EXCLUDED.recorded_at, fold_key = EXCLUDED.fold_key, state = EXCLUDED.state, written_at = now()
             WHERE case_snapshots.revision < EXCLUDED.revision OR case_snapshots.fold_key <> EXCLUDED.fold_key`,
      values: [
        stream.tenant,
        stream.id,
        snapshot.machine.id,
        snapshot.machine.version,
        snapshot.revision.toString(),
        snapshot.hash,
        snapshot.recordedAt,
        snapshot.foldKey,
        JSON.stringify(snapshot.state),
      ],
    });
  }
}
