import { describeValue, fail, issue, ok, type Parsed } from '../errors';
import { formatJid, looksLikeJid, parseJid, type Jid } from './jid';
import { parsePhone, type E164, type PhoneOptions } from './phone';

/** Where a PilotStatus message goes: exactly one of a phone, a group or a channel. */
export type DestinationKind = 'PHONE' | 'GROUP' | 'CHANNEL';

export type Destination =
  | { readonly kind: 'PHONE'; readonly value: E164 }
  | { readonly kind: 'GROUP'; readonly value: string }
  | { readonly kind: 'CHANNEL'; readonly value: string };

/** The PilotStatus send field that carries each kind. */
export const DESTINATION_FIELD = {
  PHONE: 'destinationNumber',
  GROUP: 'groupId',
  CHANNEL: 'newsletterId',
} as const satisfies Record<DestinationKind, string>;

/**
 * Reads any destination a user may paste: a phone in any common notation, a group JID,
 * a channel JID, or a user JID (`…@s.whatsapp.net` / `…@c.us`), which becomes its phone.
 */
export function parseDestination(input: unknown, field = 'destination', options: PhoneOptions = {}): Parsed<Destination> {
  if (typeof input !== 'string' || !looksLikeJid(input)) {
    const phone = parsePhone(input, field, options);
    return phone.ok ? ok({ kind: 'PHONE', value: phone.value }) : phone;
  }
  const jid = parseJid(input, field);
  if (!jid.ok) return jid;
  return fromJid(jid.value, field);
}

function fromJid(jid: Jid, field: string): Parsed<Destination> {
  switch (jid.server) {
    case 'g.us':
      return ok({ kind: 'GROUP', value: formatJid(jid) });
    case 'newsletter':
      return ok({ kind: 'CHANNEL', value: formatJid(jid) });
    case 's.whatsapp.net': {
      const phone = parsePhone(`+${jid.user}`, field);
      return phone.ok ? ok({ kind: 'PHONE', value: phone.value }) : phone;
    }
    case 'lid':
      return fail(issue(field, 'destination.lid', 'is a hidden WhatsApp id (@lid): PilotStatus needs the phone number, a group or a channel'));
    case 'broadcast':
      return fail(issue(field, 'destination.broadcast', 'is a broadcast list: send to a phone, a group or a channel instead'));
  }
}

/** Parses a value that must be one specific kind (the `groupId` field must hold a group). */
export function parseDestinationOfKind(kind: DestinationKind, input: unknown, field: string, options: PhoneOptions = {}): Parsed<Destination> {
  const parsed = parseDestination(input, field, options);
  if (!parsed.ok || parsed.value.kind === kind) return parsed;
  return fail(issue(field, `destination.not_${kind.toLowerCase()}`, `must be ${KIND_EXAMPLE[kind]}, got a ${parsed.value.kind.toLowerCase()} destination`));
}

const KIND_EXAMPLE: Record<DestinationKind, string> = {
  PHONE: 'a phone number (e.g. +5511999999999)',
  GROUP: 'a group id ending in @g.us',
  CHANNEL: 'a channel id ending in @newsletter',
};

// ---------------------------------------------------------------------------------------------
// RyzeAPI chat ids

/** A RyzeAPI `number`: phone digits without `+`, `…@lid`, `…@g.us` or `…@newsletter`. */
export type RyzeChatId = string;

/**
 * Normalizes what RyzeAPI accepts as `number`. Phones in any notation and user JIDs
 * (`@s.whatsapp.net`, legacy `@c.us`, with or without a device suffix) all become bare digits,
 * so one chat always has one spelling (the tag assignment is keyed by it).
 */
export function parseRyzeChatId(input: unknown, field = 'number', options: PhoneOptions = {}): Parsed<RyzeChatId> {
  if (typeof input === 'string' && looksLikeJid(input)) {
    const jid = parseJid(input, field);
    if (!jid.ok) return jid;
    if (jid.value.server === 'broadcast') {
      return fail(issue(field, 'destination.broadcast', 'is a broadcast list, which cannot carry a label'));
    }
    if (jid.value.server !== 's.whatsapp.net') return ok(formatJid(jid.value));
    return toDigits(parsePhone(`+${jid.value.user}`, field));
  }
  if (typeof input !== 'string' && typeof input !== 'number') {
    return fail(issue(field, input == null ? 'required' : 'phone.type', input == null ? 'is required' : `must be text, got ${describeValue(input)}`));
  }
  return toDigits(parsePhone(input, field, options));
}

const toDigits = (phone: Parsed<E164>): Parsed<RyzeChatId> => (phone.ok ? ok(phone.value.slice(1)) : phone);

/** PilotStatus destination → RyzeAPI chat id. */
export function toRyzeChatId(destination: Destination): RyzeChatId {
  return destination.kind === 'PHONE' ? destination.value.slice(1) : destination.value;
}

/**
 * RyzeAPI chat id (as the API returns it) → PilotStatus destination. A hidden `@lid` user has no
 * phone to send to, so it yields a failure rather than a guess.
 */
export function fromRyzeChatId(chatId: unknown, field = 'chatId'): Parsed<Destination> {
  if (typeof chatId === 'string' && chatId.trim() !== '' && !looksLikeJid(chatId)) {
    return parseDestination(`+${chatId.trim().replace(/^\+/, '')}`, field);
  }
  return parseDestination(chatId, field);
}

/** The canonical text of a destination: its identity for dedup, storage keys and hashing. */
export const destinationKey = (destination: Destination): string => destination.value;
