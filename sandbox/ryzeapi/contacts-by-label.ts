import type { FastifyInstance } from 'fastify';
import type { ChatTable } from './chat-table';
import { RYZEAPI_PREFIX, ryzeError } from './reply';
import { instanceOf } from './request-instance';
import { contactsByLabelQuerySchema, read } from './schemas';
import type { TagTable } from './tag-table';

/**
 * `GET /api/chat/contactsByLabel/:instance?labelIds=1,2 | labelNames=a,b [&refresh=true]`.
 *  - `labelIds` wins when both are given (the client never sends both);
 *  - names match live tags trimmed and case-insensitively; a name no tag has matches nothing;
 *  - each chat lists only the labels that matched; `total_rows` counts chat–label pairs;
 *  - with no filter, every chat that carries a live label; `filter_label_ids` is then `null`;
 *  - `refresh=true` is echoed as `refreshed: true`: the sandbox's store is always current.
 */
export function registerContactsByLabelRoute(scope: FastifyInstance, tags: TagTable, chats: ChatTable): void {
  scope.get(`${RYZEAPI_PREFIX}/contactsByLabel/:instance`, async (request, reply) => {
    const query = read(contactsByLabelQuerySchema, request.query);
    if (!query.ok) return ryzeError(reply, 400, `Invalid request body: ${query.detail}`);
    const instance = instanceOf(request).name;
    const { labelIds, labelNames, refresh } = query.value;

    let filter: string[] | undefined;
    if (labelIds) filter = [...new Set(labelIds)];
    else if (labelNames) {
      const wanted = new Set(labelNames.map(nameKey));
      filter = tags
        .listed(instance)
        .filter((tag) => !tag.deleted && wanted.has(nameKey(tag.name)))
        .map((tag) => tag.id);
    }

    const rows = chats.labelled(instance, filter);
    const byChat = new Map<string, { chat_jid: string; name: string; labels: { id: string; name: string }[] }>();
    for (const row of rows) {
      let chat = byChat.get(row.chat_jid);
      if (!chat) byChat.set(row.chat_jid, (chat = { chat_jid: row.chat_jid, name: row.chat_name ?? '', labels: [] }));
      chat.labels.push({ id: row.tag_id, name: row.tag_name });
    }
    return {
      success: true,
      message: 'Chats retrieved successfully',
      chats: [...byChat.values()],
      total_chats: byChat.size,
      total_rows: rows.length,
      refreshed: refresh,
      filter_label_ids: filter ?? null,
    };
  });
}

const nameKey = (name: string): string => name.trim().toLowerCase();
