import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context';
import { registerAssignmentRoutes } from './assignments';
import { ChatTable } from './chat-table';
import { registerContactsByLabelRoute } from './contacts-by-label';
import { createRyzeRateLimit } from './rate-limit';
import { createInstanceAuthorization } from './request-instance';
import { TagTable } from './tag-table';
import { registerTagRoutes } from './tags';

/**
 * RyzeAPI `/api/chat/*`. Every route goes through the same two steps before its body is read,
 * in RyzeAPI's middleware order: the per-token rate limit, then the token and instance check
 * (400 name, 401, 404, 503). Bodies and queries are read with the sandbox's own schemas.
 */
export function registerRyzeApi(app: FastifyInstance, ctx: SandboxContext): void {
  const tags = new TagTable(ctx.db, ctx.clock);
  const chats = new ChatTable(ctx.db, ctx.clock);
  // An encapsulated scope: its hooks apply to these routes and to no other service's.
  void app.register(async (scope) => {
    scope.addHook('onRequest', createRyzeRateLimit(ctx));
    scope.addHook('onRequest', createInstanceAuthorization(ctx));
    registerTagRoutes(scope, tags);
    registerAssignmentRoutes(scope, tags, chats);
    registerContactsByLabelRoute(scope, tags, chats);
  });
}
