import { NetworkError, type ApiService, type NetworkFailureReason } from '../errors';
import type { Redactor } from '../secrets';

// Codes from Node's net/dns/tls layers and undici (fetch). Anything unlisted counts as "may have
// reached the server": guessing wrong that way costs a retry, the other way a duplicate send.
const REASON_BY_CODE: Record<string, NetworkFailureReason> = {
  ECONNREFUSED: 'connection_refused',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_NONAME: 'dns',
  EAI_FAIL: 'dns',
  ENETUNREACH: 'unreachable',
  EHOSTUNREACH: 'unreachable',
  ENETDOWN: 'unreachable',
  EHOSTDOWN: 'unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'connect_timeout',
  ECONNRESET: 'connection_reset',
  EPIPE: 'connection_reset',
  UND_ERR_SOCKET: 'connection_reset',
  UND_ERR_CLOSED: 'connection_reset',
  ETIMEDOUT: 'timeout',
  ESOCKETTIMEDOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  ABORT_ERR: 'aborted',
};

const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$)/;

const REASON_BY_NAME: Record<string, NetworkFailureReason> = { TimeoutError: 'timeout', AbortError: 'aborted' };

// node-fetch (under Zapier's z.request) marks its own timeout with `type`, and sets no `code`.
const REASON_BY_TYPE: Record<string, NetworkFailureReason> = { 'request-timeout': 'timeout' };

/** Error, its causes (undici wraps the socket error in `cause`), and plain objects alike. */
function* chain(error: unknown): Generator<Record<string, unknown>> {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    yield current as Record<string, unknown>;
    current = (current as { cause?: unknown }).cause;
  }
}

export function classifyNetworkFailure(error: unknown): NetworkFailureReason {
  let byName: NetworkFailureReason | undefined;
  for (const link of chain(error)) {
    const code = typeof link.code === 'string' ? link.code : undefined;
    if (code && REASON_BY_CODE[code]) return REASON_BY_CODE[code];
    if (code && TLS_CODE.test(code)) return 'tls';
    // axios (under n8n's HTTP helper) reports its own timeout as ECONNABORTED "timeout of N ms exceeded".
    if (code === 'ECONNABORTED') return /timeout/i.test(String(link.message ?? '')) ? 'timeout' : 'aborted';
    const type = typeof link.type === 'string' ? link.type : undefined;
    if (type && REASON_BY_TYPE[type]) return REASON_BY_TYPE[type];
    const name = typeof link.name === 'string' ? link.name : undefined;
    byName ??= name ? REASON_BY_NAME[name] : undefined;
  }
  return byName ?? 'unknown';
}

/**
 * Turns whatever a transport's HTTP library threw into a `NetworkError`. Host transports use it
 * too, so the rules about what "reached the server" means live in one place. Only the redacted
 * text of the deepest cause is kept; the error object itself (which may hold the request and
 * its headers) is dropped.
 */
export function toNetworkError(error: unknown, service: ApiService, redact: Redactor): NetworkError {
  // Rebuilt rather than passed on: a host transport may not have redacted its detail.
  if (error instanceof NetworkError) return new NetworkError(service, error.reason, error.detail && redact(error.detail));
  const texts = [...chain(error)].map((link) => link.message).filter((m): m is string => typeof m === 'string' && m !== '');
  const detail = texts.length ? redact(texts[texts.length - 1]!).slice(0, 300) : undefined;
  return new NetworkError(service, classifyNetworkFailure(error), detail);
}
