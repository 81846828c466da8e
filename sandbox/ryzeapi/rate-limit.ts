import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { hashSecret } from '../secret-hash';
import { tokenOf } from './auth';
import { ryzeError } from './reply';

interface Window {
  startedAt: number;
  used: number;
}

/**
 * RyzeAPI's global limit, per token, as a fixed window (default 100 per 60 s). Every answer
 * carries `X-RateLimit-Limit/Remaining/Reset`; a refused one also `Retry-After` (seconds).
 */
export function createRyzeRateLimit(ctx: SandboxContext) {
  const windows = new Map<string, Window>();
  ctx.resetHooks.push(() => windows.clear());
  const { limit, windowMs } = ctx.options.ryzeRateLimit;

  return async function rateLimit(request: FastifyRequest, reply: FastifyReply) {
    const token = tokenOf(request);
    if (!token) return;
    const key = hashSecret(token);
    const now = ctx.clock.now().getTime();
    let window = windows.get(key);
    if (!window || now - window.startedAt >= windowMs) {
      window = { startedAt: now, used: 0 };
      windows.set(key, window);
    }
    const resetAtMs = window.startedAt + windowMs;
    reply.header('X-RateLimit-Limit', String(limit));
    reply.header('X-RateLimit-Reset', String(Math.ceil(resetAtMs / 1000)));
    if (window.used >= limit) {
      reply.header('X-RateLimit-Remaining', '0');
      reply.header('Retry-After', String(Math.max(1, Math.ceil((resetAtMs - now) / 1000))));
      return ryzeError(reply, 429, 'Rate limit exceeded');
    }
    window.used += 1;
    reply.header('X-RateLimit-Remaining', String(limit - window.used));
  };
}
