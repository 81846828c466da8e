import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { hashSecret } from '../secret-hash';
import { pilotStatusError } from './reply';

export interface ApiKeyRow {
  id: string;
  name: string;
  tenant_id: string;
  number_id: string | null;
  scope: 'NUMBER' | 'TENANT';
  retention_days: number;
}

/** The key behind `x-api-key` (or `x-api-key-id`), or a 401 already sent. */
export function authenticate(ctx: SandboxContext, request: FastifyRequest, reply: FastifyReply): ApiKeyRow | undefined {
  const key = header(request, 'x-api-key');
  const keyId = header(request, 'x-api-key-id');
  const row = key
    ? ctx.db.get<ApiKeyRow>('SELECT id, name, tenant_id, number_id, scope, retention_days FROM api_keys WHERE key_hash = ?', [hashSecret(key)])
    : keyId
      ? ctx.db.get<ApiKeyRow>('SELECT id, name, tenant_id, number_id, scope, retention_days FROM api_keys WHERE id = ?', [keyId])
      : undefined;
  if (!row) {
    void pilotStatusError(reply, 401, 'UNAUTHORIZED', key || keyId ? 'Invalid API key' : 'Missing x-api-key header');
    return undefined;
  }
  return row;
}

/**
 * Number-scoped operations (send, status, cancel, templates): a tenant key is refused.
 * Returns the number the key sends from.
 */
export function requireNumberKey(key: ApiKeyRow, reply: FastifyReply): string | undefined {
  if (key.scope === 'NUMBER' && key.number_id) return key.number_id;
  void pilotStatusError(reply, 403, 'TENANT_SCOPE_NOT_ALLOWED', 'This operation needs a number-scoped API key');
  return undefined;
}

/**
 * Tenant-scoped operations (numbers, api keys): a number key is refused. Webhooks accept both;
 * a tenant key picks a number with `x-whatsapp-number-id`.
 */
export function requireTenantKey(key: ApiKeyRow, reply: FastifyReply): boolean {
  if (key.scope === 'TENANT') return true;
  void pilotStatusError(reply, 403, 'NUMBER_SCOPE_NOT_ALLOWED', 'This operation needs the tenant-scoped API key');
  return false;
}

export function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text && text.trim() ? text.trim() : undefined;
}
