import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Destination } from '../../shared/destinations';
import { destinationHash, retentionPolicy } from '../../shared/labels';
import type { SandboxContext } from '../context';
import { newId } from '../secret-hash';
import type { PendingDestinations } from './pending-destinations';
import { pilotStatusError } from './reply';
import { sendRequestSchema, type SendRequest } from './schemas';
import { numberScope, type NumberScope } from './scope';
import { findTemplate, missingVariables } from './templates';
import { bodyValidationError } from './validation-reply';

/**
 * `POST /v1/messages/send`: validate, queue, answer 202 at once; processing is asynchronous.
 * Only what processing and status reads need is stored — never text, variables or media — and
 * the destination only as the key's retention allows.
 */
export function registerSend(app: FastifyInstance, ctx: SandboxContext, pending: PendingDestinations): void {
  app.post('/v1/messages/send', async (request, reply) => {
    const scope = numberScope(ctx, request, reply);
    if (!scope) return reply;
    const parsed = sendRequestSchema.safeParse(request.body ?? {});
    if (!parsed.success) return bodyValidationError(reply, parsed.error);
    const body = parsed.data;

    const number = ctx.db.get<{ paid: number }>('SELECT paid FROM numbers WHERE id = ?', [scope.numberId]);
    if (body.media !== undefined && !number?.paid) {
      return pilotStatusError(reply, 402, 'SUBSCRIPTION_REQUIRED_FOR_MEDIA', 'Sending media needs a paid plan for this number');
    }

    let templateId: string | null = null;
    if (body.templateId !== undefined) {
      const template = findTemplate(ctx.db, scope.numberId, body.templateId);
      if (!template) return pilotStatusError(reply, 404, 'TEMPLATE_NOT_FOUND', 'No template with that id or name for this number');
      const missing = missingVariables(template, body.variables ?? {});
      if (missing.length) return pilotStatusError(reply, 400, 'MISSING_TEMPLATE_VARIABLES', `Missing template variables: ${missing.join(', ')}`);
      templateId = template.id;
    }

    const destination = destinationOf(body);
    const queued = queueMessage(ctx, scope, body, destination, templateId);
    pending.hold(queued.id, destination);
    return reply.code(202).send({
      id: queued.id,
      correlationId: queued.correlationId,
      status: 'QUEUED',
      createdAt: queued.createdAt,
      origin: 'api',
      ...(queued.deliverAt ? { deliverAt: queued.deliverAt } : {}),
    });
  });
}

function queueMessage(ctx: SandboxContext, scope: NumberScope, body: SendRequest, destination: Destination, templateId: string | null) {
  const now = ctx.clock.now();
  const retention = retentionPolicy(scope.key.retention_days);
  const keptUntil = retention.linkExpiresAt(now)?.toISOString() ?? null;
  const message = {
    id: newId('cm'),
    correlationId: randomUUID(),
    createdAt: now.toISOString(),
    deliverAt: body.deliverAt !== undefined ? new Date(body.deliverAt).toISOString() : null,
  };
  ctx.db.run(
    `INSERT INTO messages (id, correlation_id, number_id, api_key_id, destination_kind, destination, destination_hash, destination_expires_at,
                           mode, template_id, labels, status, deliver_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?)`,
    [
      message.id, message.correlationId, scope.numberId, scope.key.id, destination.kind,
      retention.storesLinks ? destination.value : null, destinationHash(destination, ctx.hashKey), keptUntil,
      modeOf(body), templateId, JSON.stringify(body.labels ?? []), message.deliverAt, message.createdAt, message.createdAt,
    ],
  );
  return message;
}

function destinationOf(body: SendRequest): Destination {
  if (body.destinationNumber !== undefined) return { kind: 'PHONE', value: body.destinationNumber };
  if (body.groupId !== undefined) return { kind: 'GROUP', value: body.groupId };
  return { kind: 'CHANNEL', value: body.newsletterId ?? '' };
}

const modeOf = (body: SendRequest): 'template' | 'text' | 'media' =>
  body.templateId !== undefined ? 'template' : body.text !== undefined ? 'text' : 'media';
