import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor';
import { onlyOwnOrganisation } from '../auth/organisation-scope';
import { Database } from '../database/database';
import { Clock } from '../shared/clock';
import { SavedViewError, viewNotFound } from './saved-view.errors';
import type { SavedViewBodyDto, SavedViewDto, ViewColumn } from './saved-views.dto';

interface ViewRow {
  id: string;
  owner_id: string;
  owner_name: string;
  name: string;
  shared: boolean;
  query: Record<string, string>;
  columns: ViewColumn[];
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** Officials have a team to share with: the tenant's officials. An organisation's representative has not. */
function isOfficial(actor: Actor): boolean {
  return onlyOwnOrganisation(actor) === undefined;
}

function visibleTo(actor: Actor, row: ViewRow): boolean {
  return row.owner_id === actor.id || (row.shared && isOfficial(actor));
}

/** Only the owner changes a view; a shared one an admin may also tidy away. */
function changeableBy(actor: Actor, row: ViewRow): boolean {
  return row.owner_id === actor.id || (row.shared && actor.roles.includes('admin'));
}

/**
 * Saved views of the case list, in `saved_views`: per tenant, personal or shared with the tenant's
 * officials. Another tenant's view, or someone else's personal one, does not exist for the caller.
 */
@Injectable()
export class SavedViews {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, body: SavedViewBodyDto): Promise<SavedViewDto> {
    assertMayShare(actor, body.shared);
    const now = this.clock.now();
    const { rows } = await this.db.pool.query<ViewRow>(
      `INSERT INTO saved_views (tenant, id, owner_id, owner_name, name, shared, query, columns, version, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $9) RETURNING *`,
      [actor.tenant, randomUUID(), actor.id, actor.name, body.name.trim(), body.shared, body.query, body.columns, now],
    );
    return toDto(actor, rows[0]);
  }

  async list(actor: Actor): Promise<SavedViewDto[]> {
    const { rows } = await this.db.pool.query<ViewRow>(
      'SELECT * FROM saved_views WHERE tenant = $1 AND (owner_id = $2 OR (shared AND $3)) ORDER BY lower(name), id',
      [actor.tenant, actor.id, isOfficial(actor)],
    );
    return rows.map((row) => toDto(actor, row));
  }

  async get(actor: Actor, id: string): Promise<SavedViewDto> {
    return toDto(actor, await this.visible(actor, id));
  }

  async update(actor: Actor, id: string, body: SavedViewBodyDto, ifMatch?: number): Promise<SavedViewDto> {
    const current = await this.changeable(actor, id, ifMatch);
    assertMayShare(actor, body.shared);
    const { rows } = await this.db.pool.query<ViewRow>(
      `UPDATE saved_views SET name = $4, shared = $5, query = $6, columns = $7, version = version + 1, updated_at = $8
       WHERE tenant = $1 AND id = $2 AND version = $3 RETURNING *`,
      [actor.tenant, id, current.version, body.name.trim(), body.shared, body.query, body.columns, this.clock.now()],
    );
    if (rows.length === 0) throw viewChanged(id);
    return toDto(actor, rows[0]);
  }

  async delete(actor: Actor, id: string, ifMatch?: number): Promise<void> {
    const current = await this.changeable(actor, id, ifMatch);
    const { rowCount } = await this.db.pool.query('DELETE FROM saved_views WHERE tenant = $1 AND id = $2 AND version = $3', [
      actor.tenant,
      id,
      current.version,
    ]);
    if (rowCount === 0) throw viewChanged(id);
  }

  private async visible(actor: Actor, id: string): Promise<ViewRow> {
    const { rows } = await this.db.pool.query<ViewRow>('SELECT * FROM saved_views WHERE tenant = $1 AND id = $2', [actor.tenant, id]);
    if (rows.length === 0 || !visibleTo(actor, rows[0])) throw viewNotFound(id);
    return rows[0];
  }

  private async changeable(actor: Actor, id: string, ifMatch: number | undefined): Promise<ViewRow> {
    const row = await this.visible(actor, id);
    if (!changeableBy(actor, row)) throw new SavedViewError('VIEW_NOT_OWNED', `Only its owner (${row.owner_name}) may change the view ${id}.`);
    if (ifMatch !== undefined && ifMatch !== row.version) throw viewChanged(id);
    return row;
  }
}

function assertMayShare(actor: Actor, shared: boolean): void {
  if (shared && !isOfficial(actor)) throw new SavedViewError('VIEW_NOT_SHAREABLE', "An organisation's representative keeps personal views only.");
}

function viewChanged(id: string): SavedViewError {
  return new SavedViewError('VIEW_CHANGED', `The view ${id} has been changed since it was read; read it again.`);
}

function toDto(actor: Actor, row: ViewRow): SavedViewDto {
  return {
    id: row.id,
    name: row.name,
    shared: row.shared,
    query: row.query,
    columns: row.columns,
    owner: { id: row.owner_id, name: row.owner_name },
    mayChange: changeableBy(actor, row),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
