import type { SandboxClock } from '../clock';
import type { SandboxDatabase } from '../db/database';

/**
 * A deleted WhatsApp label stays in RyzeAPI's list (`deleted: true`) until the next app-state
 * sync drops it. The sandbox's sync is time-based: 60 s of sandbox clock after the delete
 * (`POST /_sandbox/clock` moves past it). The row itself is kept, so ids are never reused and
 * `/_sandbox/ryze/instances/:name/tags` can still show it.
 */
export const DELETED_TAG_LINGER_MS = 60_000;

export interface TagRow {
  instance: string;
  id: string;
  name: string;
  color: number;
  type: string;
  deleted: number;
  created_at: string;
  deleted_at: string | null;
}

/** A tag as RyzeAPI sends it. */
export interface WireTag {
  id: string;
  name: string;
  color: number;
  type: string;
  deleted: boolean;
}

export const CUSTOM_TAG_TYPE = 'CUSTOM';

// Ids are sequential numbers kept as text: order them as numbers.
const BY_ID = 'ORDER BY CAST(id AS INTEGER), id';

/** `ryze_tags` and the instance's id counter. */
export class TagTable {
  constructor(
    private readonly db: SandboxDatabase,
    private readonly clock: SandboxClock,
  ) {}

  /** What the list endpoint shows: live tags, and deleted ones the sync has not dropped yet. */
  listed(instance: string): WireTag[] {
    const syncedBefore = new Date(this.clock.now().getTime() - DELETED_TAG_LINGER_MS).toISOString();
    return this.db
      .all<TagRow>(`SELECT * FROM ryze_tags WHERE instance = ? AND (deleted = 0 OR deleted_at > ?) ${BY_ID}`, [instance, syncedBefore])
      .map(toWire);
  }

  /** Every row, deleted ones included, with the names they had (sandbox inspection). */
  all(instance: string): TagRow[] {
    return this.db.all<TagRow>(`SELECT * FROM ryze_tags WHERE instance = ? ${BY_ID}`, [instance]);
  }

  findLive(instance: string, id: string): TagRow | undefined {
    return this.db.get<TagRow>('SELECT * FROM ryze_tags WHERE instance = ? AND id = ? AND deleted = 0', [instance, id]);
  }

  /** Allocates the next id; never deduplicates by name (the real endpoint does not either). */
  create(instance: string, name: string, color: number): WireTag {
    return this.db.transaction(() => {
      const counter = this.db.get<{ next_tag_id: number }>('SELECT next_tag_id FROM ryze_instances WHERE name = ?', [instance]);
      if (!counter) throw new Error(`unknown instance ${instance}`);
      const id = String(counter.next_tag_id);
      this.db.run('UPDATE ryze_instances SET next_tag_id = next_tag_id + 1 WHERE name = ?', [instance]);
      this.db.run('INSERT INTO ryze_tags (instance, id, name, color, type, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
        instance, id, name, color, CUSTOM_TAG_TYPE, this.clock.iso(),
      ]);
      return { id, name, color, type: CUSTOM_TAG_TYPE, deleted: false };
    });
  }

  /** Marks the tag deleted and takes it off every chat; `undefined` when no live tag has the id. */
  delete(instance: string, id: string): WireTag | undefined {
    return this.db.transaction(() => {
      if (!this.findLive(instance, id)) return undefined;
      this.db.run('UPDATE ryze_tags SET deleted = 1, deleted_at = ? WHERE instance = ? AND id = ?', [this.clock.iso(), instance, id]);
      this.db.run('DELETE FROM ryze_chat_tags WHERE instance = ? AND tag_id = ?', [instance, id]);
      return deletedTag(id);
    });
  }
}

// WhatsApp's app state keeps only the id of a deleted label: name and type come back empty.
const deletedTag = (id: string): WireTag => ({ id, name: '', color: 0, type: '', deleted: true });

function toWire(row: TagRow): WireTag {
  return row.deleted ? deletedTag(row.id) : { id: row.id, name: row.name, color: row.color, type: row.type, deleted: false };
}
