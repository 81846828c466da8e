import type { SandboxClock } from '../clock';
import type { SandboxDatabase } from '../db/database';

export interface ChatLabelRow {
  chat_jid: string;
  chat_name: string | null;
  tag_id: string;
  tag_name: string;
}

export interface ChatRow {
  chat_jid: string;
  name: string | null;
}

/** `ryze_chats` and `ryze_chat_tags`: which chat carries which tag. */
export class ChatTable {
  constructor(
    private readonly db: SandboxDatabase,
    private readonly clock: SandboxClock,
  ) {}

  /** Idempotent; a chat the instance has not seen yet is added (a label can open a chat). */
  assign(instance: string, chatJid: string, tagId: string): void {
    this.db.transaction(() => {
      this.db.run('INSERT OR IGNORE INTO ryze_chats (instance, chat_jid, name) VALUES (?, ?, NULL)', [instance, chatJid]);
      this.db.run('INSERT OR IGNORE INTO ryze_chat_tags (instance, chat_jid, tag_id, assigned_at) VALUES (?, ?, ?, ?)', [instance, chatJid, tagId, this.clock.iso()]);
    });
  }

  /** Idempotent: removing a tag the chat does not carry changes nothing. */
  unassign(instance: string, chatJid: string, tagId: string): void {
    this.db.run('DELETE FROM ryze_chat_tags WHERE instance = ? AND chat_jid = ? AND tag_id = ?', [instance, chatJid, tagId]);
  }

  /** Chat–label pairs of live tags, optionally only those tags; ordered by chat, then tag id. */
  labelled(instance: string, tagIds?: readonly string[]): ChatLabelRow[] {
    const filter = tagIds ? `AND a.tag_id IN (${tagIds.map(() => '?').join(', ') || "''"})` : '';
    return this.db.all<ChatLabelRow>(
      `SELECT a.chat_jid, c.name AS chat_name, t.id AS tag_id, t.name AS tag_name
         FROM ryze_chat_tags a
         JOIN ryze_tags t ON t.instance = a.instance AND t.id = a.tag_id AND t.deleted = 0
         LEFT JOIN ryze_chats c ON c.instance = a.instance AND c.chat_jid = a.chat_jid
        WHERE a.instance = ? ${filter}
        ORDER BY a.chat_jid, CAST(t.id AS INTEGER), t.id`,
      [instance, ...(tagIds ?? [])],
    );
  }

  /** Every chat with the ids of its tags (sandbox inspection). */
  chatsWithTags(instance: string): (ChatRow & { tagIds: string[] })[] {
    const chats = this.db.all<ChatRow>('SELECT chat_jid, name FROM ryze_chats WHERE instance = ? ORDER BY chat_jid', [instance]);
    const pairs = this.db.all<{ chat_jid: string; tag_id: string }>(
      'SELECT chat_jid, tag_id FROM ryze_chat_tags WHERE instance = ? ORDER BY CAST(tag_id AS INTEGER), tag_id',
      [instance],
    );
    return chats.map((chat) => ({ ...chat, tagIds: pairs.filter((pair) => pair.chat_jid === chat.chat_jid).map((pair) => pair.tag_id) }));
  }
}
