import type { HttpResponse } from './transport';

/**
 * How long the server asks us to wait, from `Retry-After` (seconds or an HTTP date) or, when the
 * quota is spent (`X-RateLimit-Remaining: 0`), from `X-RateLimit-Reset`. RyzeAPI's use of the
 * X-RateLimit pair is not documented, so both are read when present and never required.
 */
export function serverRequestedWaitMs(headers: HttpResponse['headers'], nowMs: number): number | undefined {
  const retryAfter = headers['retry-after']?.trim();
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.ceil(Number(retryAfter) * 1000);
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - nowMs);
  }
  if (headers['x-ratelimit-remaining']?.trim() === '0') {
    const reset = Number(headers['x-ratelimit-reset']?.trim());
    if (Number.isFinite(reset) && reset > 0) return Math.max(0, Math.ceil(resetWaitMs(reset, nowMs)));
  }
  return undefined;
}

// Epoch seconds is the expected form; the other two are read defensively.
function resetWaitMs(reset: number, nowMs: number): number {
  if (reset >= 1e12) return reset - nowMs; // epoch milliseconds
  if (reset >= 1e9) return reset * 1000 - nowMs; // epoch seconds
  return reset * 1000; // seconds from now
}
