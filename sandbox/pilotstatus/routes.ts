import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context';
import { registerMessages } from './messages';
import { registerNumbers } from './numbers';
import { PendingDestinations } from './pending-destinations';
import { MessageProcessor } from './processor';
import { registerSend } from './send';
import { registerTemplates } from './templates';
import { WebhookDeliveries } from './webhook-delivery';
import { registerWebhooks } from './webhooks';

/** PilotStatus `/v1/*`, and its background processing. */
export function registerPilotStatus(app: FastifyInstance, ctx: SandboxContext): void {
  const pending = new PendingDestinations();
  const deliveries = new WebhookDeliveries(ctx);
  const processor = new MessageProcessor(ctx, pending, deliveries);

  registerSend(app, ctx, pending);
  registerMessages(app, ctx, pending);
  registerTemplates(app, ctx);
  registerWebhooks(app, ctx);
  registerNumbers(app, ctx);

  ctx.processingSteps.push(processor.advanceAll, processor.sweep);
  ctx.resetHooks.push(() => {
    pending.clear();
    deliveries.reset();
  });
}
