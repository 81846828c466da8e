import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { header } from '../pilotstatus/auth';
import { hashSecret } from '../secret-hash';
import { ryzeError } from './reply';

export interface InstanceRow {
  name: string;
  account_id: string;
  connected: number;
  next_tag_id: number;
}

/**
 * Resolves `:instance` for a request: the token (`token` header, or `Authorization`, with or
 * without `Bearer `) must be the account's token or that instance's own token. Sends the
 * documented error and returns undefined otherwise. `requireConnected` adds the 503.
 */
export function authorizeInstance(
  ctx: SandboxContext,
  request: FastifyRequest<{ Params: { instance?: string } }>,
  reply: FastifyReply,
  requireConnected = true,
): InstanceRow | undefined {
  // Fastify has already decoded the path segment; decoding again would misread a `%` in a name.
  const name = (request.params.instance ?? '').trim();
  if (!name) return void ryzeError(reply, 400, 'Instance name is required');
  const token = tokenOf(request);
  if (!token) return void ryzeError(reply, 401, 'Invalid token');
  const tokenHash = hashSecret(token);
  const instance = ctx.db.get<InstanceRow & { token_hash: string }>('SELECT * FROM ryze_instances WHERE name = ?', [name]);
  const account = ctx.db.get<{ id: string }>('SELECT id FROM ryze_accounts WHERE token_hash = ?', [tokenHash]);
  const knownToken = account ?? ctx.db.get('SELECT name FROM ryze_instances WHERE token_hash = ?', [tokenHash]);
  if (!knownToken) return void ryzeError(reply, 401, 'Invalid token');
  if (!instance || (instance.token_hash !== tokenHash && instance.account_id !== account?.id)) {
    return void ryzeError(reply, 404, 'Instance not found');
  }
  if (requireConnected && !instance.connected) return void ryzeError(reply, 503, 'Instance is not connected to WhatsApp');
  return instance;
}

/** The token as sent; also the key of the per-token rate limit. */
export function tokenOf(request: FastifyRequest): string | undefined {
  return header(request, 'token') ?? header(request, 'authorization')?.replace(/^Bearer\s+/i, '');
}
