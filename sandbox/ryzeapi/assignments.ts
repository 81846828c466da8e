import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ChatTable } from './chat-table';
import { toChatJid } from './chat-jid';
import { RYZEAPI_PREFIX, ryzeError } from './reply';
import { instanceOf } from './request-instance';
import { assignTagBodySchema, read, unassignTagQuerySchema } from './schemas';
import type { TagTable } from './tag-table';

/**
 * Not among the documented messages: the docs list the accepted forms of `number` but not the
 * error for another one. It falls to the client's catch-all 400 row (BAD_REQUEST).
 */
export const INVALID_NUMBER_MESSAGE = 'Invalid number: use phone digits with country code, or a JID ending in @s.whatsapp.net, @lid, @g.us or @newsletter';

/**
 * `POST|DELETE /api/chat/assignTag/:instance`, both idempotent. The POST reads a JSON body and
 * words its errors `Number is required` / `tagId is required`; the DELETE reads the query and
 * says which query parameter is missing (the client's errors table knows both wordings).
 */
export function registerAssignmentRoutes(scope: FastifyInstance, tags: TagTable, chats: ChatTable): void {
  const path = `${RYZEAPI_PREFIX}/assignTag/:instance`;

  scope.post(path, async (request, reply) => {
    const body = read(assignTagBodySchema, request.body);
    if (!body.ok) return ryzeError(reply, 400, `Invalid request body: ${body.detail}`);
    const target = resolve(reply, instanceOf(request).name, body.value.number.trim(), body.value.tagId.trim(), tags, {
      number: 'Number is required',
      tagId: 'tagId is required',
    });
    if (!target) return reply;
    chats.assign(target.instance, target.chatJid, target.tagId);
    return { success: true, message: 'Tag assigned successfully', tag_id: target.tagId };
  });

  scope.delete(path, async (request, reply) => {
    const query = read(unassignTagQuerySchema, request.query);
    if (!query.ok) return ryzeError(reply, 400, `Invalid request body: ${query.detail}`);
    const target = resolve(reply, instanceOf(request).name, query.value.number ?? '', query.value.tagId ?? '', tags, {
      number: 'number query parameter is required',
      tagId: 'tagId query parameter is required',
    });
    if (!target) return reply;
    chats.unassign(target.instance, target.chatJid, target.tagId);
    return { success: true, message: 'Tag removed successfully', tag_id: target.tagId };
  });
}

/** Checks in the service's order: number, tag id, number format, then the tag (deleted = gone). */
function resolve(
  reply: FastifyReply,
  instance: string,
  number: string,
  tagId: string,
  tags: TagTable,
  required: { number: string; tagId: string },
): { instance: string; chatJid: string; tagId: string } | undefined {
  if (!number) return void ryzeError(reply, 400, required.number);
  if (!tagId) return void ryzeError(reply, 400, required.tagId);
  const chatJid = toChatJid(number);
  if (!chatJid) return void ryzeError(reply, 400, INVALID_NUMBER_MESSAGE);
  if (!tags.findLive(instance, tagId)) return void ryzeError(reply, 404, 'Tag not found');
  return { instance, chatJid, tagId };
}
