import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { authenticate, header, requireNumberKey, requireTenantKey, type ApiKeyRow } from './auth';
import { pilotStatusError } from './reply';

const NUMBER_HEADER = 'x-whatsapp-number-id';

/** What a number-scoped call may touch: the key's own number. */
export interface NumberScope {
  readonly key: ApiKeyRow;
  readonly numberId: string;
}

/** Send, status, cancel, templates. A number id that is not the key's own is refused, not ignored. */
export function numberScope(ctx: SandboxContext, request: FastifyRequest, reply: FastifyReply): NumberScope | undefined {
  const key = authenticate(ctx, request, reply);
  if (!key) return undefined;
  const numberId = requireNumberKey(key, reply);
  if (!numberId) return undefined;
  if (!matchesKeyNumber(request, numberId, reply)) return undefined;
  return { key, numberId };
}

/** `/v1/numbers/*`, `/v1/api-keys`: the tenant key only. */
export function tenantScope(ctx: SandboxContext, request: FastifyRequest, reply: FastifyReply): ApiKeyRow | undefined {
  const key = authenticate(ctx, request, reply);
  if (!key || !requireTenantKey(key, reply)) return undefined;
  return key;
}

/** Which webhooks a call sees: one number's, or (tenant key, no number header) the whole tenant's. */
export interface WebhookScope {
  readonly tenantId: string;
  readonly numberId: string | null;
}

/**
 * Webhooks take either key. A number key is bound to its number; a tenant key picks one with
 * `x-whatsapp-number-id`, which must be a number of the tenant.
 */
export function webhookScope(ctx: SandboxContext, request: FastifyRequest, reply: FastifyReply): WebhookScope | undefined {
  const key = authenticate(ctx, request, reply);
  if (!key) return undefined;
  if (key.scope === 'NUMBER' && key.number_id) {
    return matchesKeyNumber(request, key.number_id, reply) ? { tenantId: key.tenant_id, numberId: key.number_id } : undefined;
  }
  const asked = header(request, NUMBER_HEADER);
  if (asked && !ctx.db.get('SELECT id FROM numbers WHERE id = ? AND tenant_id = ?', [asked, key.tenant_id])) {
    void pilotStatusError(reply, 404, 'NUMBER_NOT_FOUND', 'No WhatsApp number with that id in this tenant');
    return undefined;
  }
  return { tenantId: key.tenant_id, numberId: asked ?? null };
}

function matchesKeyNumber(request: FastifyRequest, numberId: string, reply: FastifyReply): boolean {
  const asked = header(request, NUMBER_HEADER);
  if (asked === undefined || asked === numberId) return true;
  void pilotStatusError(reply, 403, 'NUMBER_MISMATCH', `${NUMBER_HEADER} does not match the API key's number`);
  return false;
}
