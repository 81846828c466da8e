import type { FastifyInstance } from 'fastify';
import { z } from 'zod/v4';
import type { SandboxContext } from '../context';
import { ChatTable } from '../ryzeapi/chat-table';
import { DELETED_TAG_LINGER_MS, TagTable } from '../ryzeapi/tag-table';
import { ADMIN_PREFIX } from './control';

interface InstanceRow {
  name: string;
  connected: number;
  next_tag_id: number;
}

const connectionSchema = z.object({ connected: z.boolean() });

/**
 * RyzeAPI state the service itself would not show: connect or disconnect an instance (the 503
 * path), every tag including deleted ones with the names they had, and which chat carries what.
 */
export function registerRyzeAdmin(app: FastifyInstance, ctx: SandboxContext): void {
  const tags = new TagTable(ctx.db, ctx.clock);
  const chats = new ChatTable(ctx.db, ctx.clock);
  const base = `${ADMIN_PREFIX}/ryze/instances`;
  const findInstance = (name: string) => ctx.db.get<InstanceRow>('SELECT name, connected, next_tag_id FROM ryze_instances WHERE name = ?', [name]);
  const view = (row: InstanceRow) => ({ name: row.name, connected: row.connected === 1, nextTagId: String(row.next_tag_id) });
  const notFound = { error: 'INSTANCE_NOT_FOUND' };

  app.get(base, async () => ({ instances: ctx.db.all<InstanceRow>('SELECT name, connected, next_tag_id FROM ryze_instances ORDER BY name').map(view) }));

  app.patch<{ Params: { name: string } }>(`${base}/:name`, async (request, reply) => {
    const parsed = connectionSchema.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ error: 'INVALID_INSTANCE_CHANGE', issues: parsed.error.issues });
    const { changes } = ctx.db.run('UPDATE ryze_instances SET connected = ? WHERE name = ?', [parsed.data.connected ? 1 : 0, request.params.name]);
    if (changes === 0) return reply.code(404).send(notFound);
    return view(findInstance(request.params.name)!);
  });

  app.get<{ Params: { name: string } }>(`${base}/:name/tags`, async (request, reply) => {
    if (!findInstance(request.params.name)) return reply.code(404).send(notFound);
    const listedIds = new Set(tags.listed(request.params.name).map((tag) => tag.id));
    return {
      lingerMs: DELETED_TAG_LINGER_MS,
      tags: tags.all(request.params.name).map((row) => ({
        id: row.id,
        name: row.name,
        color: row.color,
        type: row.type,
        deleted: row.deleted === 1,
        createdAt: row.created_at,
        deletedAt: row.deleted_at,
        // Whether GET /api/chat/tag still shows it (a deleted tag until the sync drops it).
        listed: listedIds.has(row.id),
      })),
    };
  });

  app.get<{ Params: { name: string } }>(`${base}/:name/chats`, async (request, reply) => {
    if (!findInstance(request.params.name)) return reply.code(404).send(notFound);
    return { chats: chats.chatsWithTags(request.params.name).map((chat) => ({ chatJid: chat.chat_jid, name: chat.name, tagIds: chat.tagIds })) };
  });
}
