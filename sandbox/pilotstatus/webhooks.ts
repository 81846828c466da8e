import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { SandboxContext } from '../context';
import { hashSecret, newId } from '../secret-hash';
import { pilotStatusError } from './reply';
import { createWebhookSchema, updateWebhookSchema } from './schemas';
import { webhookScope } from './scope';
import { findWebhook, listWebhooks, webhookView } from './webhook-rows';
import { bodyValidationError } from './validation-reply';

type WithId = { Params: { id: string } };

const notFound = (reply: FastifyReply) => pilotStatusError(reply, 404, 'WEBHOOK_NOT_FOUND', 'No webhook with that id for this key');

/** `/v1/webhooks*`: either key scope; see `webhookScope` for which webhooks a call sees. */
export function registerWebhooks(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/v1/webhooks', async (request, reply) => {
    const scope = webhookScope(ctx, request, reply);
    if (!scope) return reply;
    return { webhooks: listWebhooks(ctx.db, scope).map(webhookView) };
  });

  app.post('/v1/webhooks', async (request, reply) => {
    const scope = webhookScope(ctx, request, reply);
    if (!scope) return reply;
    const parsed = createWebhookSchema.safeParse(request.body ?? {});
    if (!parsed.success) return bodyValidationError(reply, parsed.error);
    const body = parsed.data;
    const id = newId('wh_');
    const now = ctx.clock.iso();
    // Kept only as its hash, which is also the signing key (see webhook-delivery.ts).
    const secret = body.secret ?? `whsec_${randomBytes(24).toString('base64url')}`;
    ctx.db.run(
      'INSERT INTO webhooks (id, tenant_id, number_id, name, url, events, active, secret_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [id, scope.tenantId, scope.numberId, body.name ?? null, body.url, JSON.stringify(body.events), body.active === false ? 0 : 1, hashSecret(secret), now, now],
    );
    return reply.code(201).send(webhookView(findWebhook(ctx.db, scope, id)!));
  });

  app.get<WithId>('/v1/webhooks/:id', async (request, reply) => {
    const scope = webhookScope(ctx, request, reply);
    if (!scope) return reply;
    const row = findWebhook(ctx.db, scope, request.params.id);
    return row ? webhookView(row) : notFound(reply);
  });

  app.patch<WithId>('/v1/webhooks/:id', async (request, reply) => {
    const scope = webhookScope(ctx, request, reply);
    if (!scope) return reply;
    const row = findWebhook(ctx.db, scope, request.params.id);
    if (!row) return notFound(reply);
    const parsed = updateWebhookSchema.safeParse(request.body ?? {});
    if (!parsed.success) return bodyValidationError(reply, parsed.error);
    const changes = parsed.data;
    ctx.db.run('UPDATE webhooks SET url = ?, events = ?, name = ?, active = ?, updated_at = ? WHERE id = ?', [
      changes.url ?? row.url,
      changes.events ? JSON.stringify(changes.events) : row.events,
      changes.name ?? row.name,
      changes.active === undefined ? row.active : changes.active ? 1 : 0,
      ctx.clock.iso(),
      row.id,
    ]);
    return webhookView(findWebhook(ctx.db, scope, row.id)!);
  });

  app.delete<WithId>('/v1/webhooks/:id', async (request, reply) => {
    const scope = webhookScope(ctx, request, reply);
    if (!scope) return reply;
    const row = findWebhook(ctx.db, scope, request.params.id);
    if (!row) return notFound(reply);
    ctx.db.transaction(() => {
      ctx.db.run('DELETE FROM webhook_logs WHERE webhook_id = ?', [row.id]);
      ctx.db.run('DELETE FROM webhooks WHERE id = ?', [row.id]);
    });
    return { id: row.id, deleted: true };
  });

  app.get<WithId>('/v1/webhooks/:id/logs', async (request, reply) => {
    const scope = webhookScope(ctx, request, reply);
    if (!scope) return reply;
    const row = findWebhook(ctx.db, scope, request.params.id);
    if (!row) return notFound(reply);
    const logs = ctx.db.all<WebhookLogRow>('SELECT * FROM webhook_logs WHERE webhook_id = ? ORDER BY id', [row.id]);
    return {
      logs: logs.map((log) => ({
        id: log.id,
        event: log.event,
        eventId: log.event_id,
        attempt: log.attempt,
        statusCode: log.status_code,
        error: log.error,
        duplicate: log.duplicate === 1,
        success: log.status_code !== null && log.status_code >= 200 && log.status_code < 300,
        at: log.at,
      })),
    };
  });
}

interface WebhookLogRow {
  id: number;
  event: string;
  event_id: string;
  attempt: number;
  status_code: number | null;
  error: string | null;
  duplicate: number;
  at: string;
}
