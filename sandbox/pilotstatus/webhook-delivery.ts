import { createHmac } from 'node:crypto';
import type { SandboxContext } from '../context';
import { subscribers, type WebhookRow } from './webhook-rows';

/** `{ event, data }`, as documented; `data.id` is the event's id, the receivers' dedupe key. */
export interface WebhookEnvelope {
  readonly event: string;
  readonly data: { readonly id: string } & Record<string, unknown>;
}

/**
 * The signing header is not settled by the docs; this is the sandbox's choice:
 * `x-pilotstatus-signature: <hex HMAC-SHA256 of the raw body>`. The sandbox keeps only the
 * SHA-256 of the webhook secret, so that digest (hex) is the HMAC key: a receiver that knows
 * the secret (given as `secret` when creating the webhook) computes it the same way.
 */
export const SIGNATURE_HEADER = 'x-pilotstatus-signature';

export function signatureOf(signingKey: string, body: string): string {
  return createHmac('sha256', signingKey).update(body).digest('hex');
}

const ATTEMPT_TIMEOUT_MS = 5_000;

/**
 * Posts events to the tenant's webhooks. Each delivery is tried up to `webhookAttempts` times
 * on a non-2xx answer or a network failure, and every `duplicateDeliveryEvery`-th delivery is
 * sent a second time on purpose (same body, same `data.id`). Every attempt is logged, without
 * the payload: it carries the destination.
 */
export class WebhookDeliveries {
  private delivered = 0;

  constructor(private readonly ctx: SandboxContext) {}

  async publish(tenantId: string, numberId: string, envelope: WebhookEnvelope): Promise<void> {
    const body = JSON.stringify(envelope);
    for (const webhook of subscribers(this.ctx.db, tenantId, numberId, envelope.event)) {
      this.delivered += 1;
      const every = this.ctx.options.duplicateDeliveryEvery;
      await this.deliver(webhook, envelope, body, false);
      if (every > 0 && this.delivered % every === 0) await this.deliver(webhook, envelope, body, true);
    }
  }

  reset(): void {
    this.delivered = 0;
  }

  private async deliver(webhook: WebhookRow, envelope: WebhookEnvelope, body: string, duplicate: boolean): Promise<void> {
    const attempts = Math.max(1, this.ctx.options.webhookAttempts);
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const outcome = await post(webhook, envelope.event, body);
      this.ctx.db.run('INSERT INTO webhook_logs (webhook_id, event, event_id, attempt, status_code, error, duplicate, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
        webhook.id, envelope.event, envelope.data.id, attempt, outcome.status ?? null, outcome.error ?? null, duplicate ? 1 : 0, this.ctx.clock.iso(),
      ]);
      if (outcome.status !== undefined && outcome.status >= 200 && outcome.status < 300) return;
      if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, this.ctx.options.webhookRetryDelayMs));
    }
    this.ctx.options.log(`webhook ${webhook.id}: ${envelope.event} not delivered after ${attempts} attempts`);
  }
}

async function post(webhook: WebhookRow, event: string, body: string): Promise<{ status?: number; error?: string }> {
  try {
    const response = await fetch(webhook.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'PilotStatus-Sandbox-Webhook/1',
        'x-pilotstatus-event': event,
        [SIGNATURE_HEADER]: signatureOf(webhook.secret_hash, body),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    });
    await response.arrayBuffer().catch(() => undefined);
    return { status: response.status, ...(response.ok ? {} : { error: `HTTP ${response.status}` }) };
  } catch (error) {
    return { error: networkReason(error) };
  }
}

/** The failure's code (ECONNREFUSED, a timeout…), never the URL, which may hold a token. */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  return error instanceof Error ? error.name : 'network error';
}
