import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context';
import { findMessage, messageView } from './message-rows';
import type { PendingDestinations } from './pending-destinations';
import { pilotStatusError } from './reply';
import { cancelRequestSchema } from './schemas';
import { numberScope } from './scope';
import { templateName } from './templates';
import { bodyValidationError } from './validation-reply';

type CancelFailure = { id: string; reason: 'NOT_FOUND' | 'NOT_CANCELABLE' };

/** `GET /v1/messages/{id}` and `DELETE /v1/messages/cancel`, within the key's number. */
export function registerMessages(app: FastifyInstance, ctx: SandboxContext, pending: PendingDestinations): void {
  app.get<{ Params: { id: string } }>('/v1/messages/:id', async (request, reply) => {
    const scope = numberScope(ctx, request, reply);
    if (!scope) return reply;
    const row = findMessage(ctx.db, scope.numberId, request.params.id);
    if (!row) return pilotStatusError(reply, 404, 'MESSAGE_NOT_FOUND', 'No message with that id for this number');
    return messageView(row, templateName(ctx.db, row.template_id));
  });

  // Only a message not yet sent can be cancelled. Cancelling one already cancelled answers the
  // same as the first time, so a retried call reads the same outcome. The answer echoes the ids
  // as given (internal id or correlationId), so a caller finds each one it asked about.
  app.delete('/v1/messages/cancel', async (request, reply) => {
    const scope = numberScope(ctx, request, reply);
    if (!scope) return reply;
    const parsed = cancelRequestSchema.safeParse(request.body ?? {});
    if (!parsed.success) return bodyValidationError(reply, parsed.error);

    const cancelled: string[] = [];
    const failed: CancelFailure[] = [];
    for (const ref of new Set(parsed.data.messageIds)) {
      const row = findMessage(ctx.db, scope.numberId, ref);
      if (!row) {
        failed.push({ id: ref, reason: 'NOT_FOUND' });
        continue;
      }
      if (row.status === 'CANCELED') {
        cancelled.push(ref);
        continue;
      }
      const now = ctx.clock.iso();
      const { changes } = ctx.db.run("UPDATE messages SET status = 'CANCELED', canceled_at = ?, updated_at = ? WHERE id = ? AND status = 'QUEUED'", [now, now, row.id]);
      if (changes === 0) {
        failed.push({ id: ref, reason: 'NOT_CANCELABLE' });
        continue;
      }
      pending.release(row.id);
      cancelled.push(ref);
    }
    return { cancelled, failed };
  });
}
