import type { FastifyInstance } from 'fastify';
import { RYZEAPI_PREFIX, ryzeError } from './reply';
import { instanceOf } from './request-instance';
import { createTagBodySchema, deleteTagQuerySchema, read } from './schemas';
import type { TagTable } from './tag-table';

/** Palette indexes WhatsApp Business knows; anything else is stored as 0, silently. */
const MAX_COLOR = 10;

/** `GET|POST|DELETE /api/chat/tag/:instance`. */
export function registerTagRoutes(scope: FastifyInstance, tags: TagTable): void {
  const path = `${RYZEAPI_PREFIX}/tag/:instance`;

  scope.get(path, async (request) => {
    const listed = tags.listed(instanceOf(request).name);
    return { success: true, message: 'Tags retrieved successfully', tags: listed, total: listed.length };
  });

  scope.post(path, async (request, reply) => {
    const body = read(createTagBodySchema, request.body);
    if (!body.ok) return ryzeError(reply, 400, `Invalid request body: ${body.detail}`);
    const name = body.value.name.trim();
    if (!name) return ryzeError(reply, 400, 'Tag name is required');
    const color = body.value.color >= 0 && body.value.color <= MAX_COLOR ? body.value.color : 0;
    const tag = tags.create(instanceOf(request).name, name, color);
    return { success: true, message: 'Tag created successfully', tag };
  });

  scope.delete(path, async (request, reply) => {
    const query = read(deleteTagQuerySchema, request.query);
    if (!query.ok) return ryzeError(reply, 400, `Invalid request body: ${query.detail}`);
    if (!query.value.tagId) return ryzeError(reply, 400, 'tagId is required');
    const tag = tags.delete(instanceOf(request).name, query.value.tagId);
    if (!tag) return ryzeError(reply, 404, 'Tag not found');
    return { success: true, message: 'Tag deleted successfully', tag };
  });
}
