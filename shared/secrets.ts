import { createHash } from 'node:crypto';

export const REDACTED = '[REDACTED]';

/** Replaces every known secret (and anything shaped like a PilotStatus key) in a text. */
export type Redactor = (text: string) => string;

// PilotStatus documents the `ps_` prefix for every raw key, so a key we were not told about
// (a tenant key echoed in an error, a key pasted into a message) is still caught.
const PILOTSTATUS_KEY_PATTERN = /\bps_[A-Za-z0-9_-]{6,}/g;

// Shorter values are too likely to occur in ordinary text; redacting them would mangle messages.
const MIN_SECRET_LENGTH = 6;

/**
 * Builds a redactor for a set of credentials. Each secret is also matched in the spellings it
 * takes when it travels inside a URL or a JSON string, because error bodies echo requests.
 */
export function createRedactor(secrets: Iterable<string | undefined | null>): Redactor {
  const needles = new Set<string>();
  for (const secret of secrets) {
    if (typeof secret !== 'string') continue;
    const value = secret.trim();
    if (value.length < MIN_SECRET_LENGTH) continue;
    for (const spelling of [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)]) needles.add(spelling);
  }
  const ordered = [...needles].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const needle of ordered) out = out.split(needle).join(REDACTED);
    return out.replace(PILOTSTATUS_KEY_PATTERN, REDACTED);
  };
}

/** Redacts every string inside a JSON-like value, keeping its shape. */
export function redactValue(value: unknown, redact: Redactor): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, redact));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactValue(item, redact)]));
  }
  return value;
}

/**
 * A stable, non-reversible name for a secret, for use as a map key (rate limiters, locks), so
 * no process-wide structure ever holds a raw token.
 */
export function secretFingerprint(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, 32);
}
