import { describeValue, fail, issue, ok, type Parsed } from '../errors';

/** WhatsApp servers a JID can live on; `c.us` is read as the legacy spelling of `s.whatsapp.net`. */
export type JidServer = 's.whatsapp.net' | 'g.us' | 'lid' | 'newsletter' | 'broadcast';

export interface Jid {
  readonly user: string;
  readonly server: JidServer;
}

export const GROUP_SUFFIX = '@g.us';
export const CHANNEL_SUFFIX = '@newsletter';

const SERVER_ALIASES: Record<string, JidServer> = {
  's.whatsapp.net': 's.whatsapp.net',
  'c.us': 's.whatsapp.net',
  'g.us': 'g.us',
  lid: 'lid',
  newsletter: 'newsletter',
  broadcast: 'broadcast',
};

// Group ids are digits, or the legacy `<creator phone>-<timestamp>` form.
const USER_PATTERN: Record<JidServer, RegExp> = {
  's.whatsapp.net': /^\d{5,20}$/,
  lid: /^\d{5,25}$/,
  'g.us': /^\d{5,25}(-\d{5,15})?$/,
  newsletter: /^\d{5,25}$/,
  broadcast: /^[\w-]{1,64}$/,
};

/**
 * Parses `user[.agent][:device]@server`. The agent and device parts name one of a user's
 * devices, not a different chat, so they are dropped.
 */
export function parseJid(input: unknown, field = 'jid'): Parsed<Jid> {
  if (typeof input !== 'string') return fail(issue(field, 'jid.type', `must be text, got ${describeValue(input)}`));
  const text = input.trim();
  const at = text.lastIndexOf('@');
  if (at <= 0) return fail(issue(field, 'jid.format', 'must look like <id>@<server>, e.g. 120363025246125486@g.us'));
  // Own keys only: `x@constructor` or `x@__proto__` must not find Object.prototype members.
  const serverName = text.slice(at + 1).toLowerCase();
  const server = Object.hasOwn(SERVER_ALIASES, serverName) ? SERVER_ALIASES[serverName] : undefined;
  if (!server) {
    return fail(issue(field, 'jid.server', 'has an unknown server: use @s.whatsapp.net, @c.us, @lid, @g.us or @newsletter'));
  }
  let user = text.slice(0, at);
  if (server === 's.whatsapp.net' || server === 'lid') user = user.replace(/(\.\d+)?(:\d+)?$/, '');
  if (!USER_PATTERN[server].test(user)) {
    return fail(issue(field, `jid.${server === 's.whatsapp.net' ? 'user' : server.replace('.', '_')}`, `is not a valid ${SERVER_LABEL[server]} id`));
  }
  return ok({ user, server });
}

const SERVER_LABEL: Record<JidServer, string> = {
  's.whatsapp.net': 'WhatsApp user',
  lid: 'WhatsApp hidden user (@lid)',
  'g.us': 'WhatsApp group (@g.us)',
  newsletter: 'WhatsApp channel (@newsletter)',
  broadcast: 'WhatsApp broadcast',
};

export const formatJid = (jid: Jid): string => `${jid.user}@${jid.server}`;

export const looksLikeJid = (text: string): boolean => text.includes('@');
