/**
 * Inputs that are invalid by construction, one generator per validator, seeded (fast-check), so
 * every run fuzzes the same inputs and a failure names a reproducible one. `check*` functions
 * confirm each generated input against the core's own parser: a generator that drifted into valid
 * input is reported as a generator bug, not hidden as a pass (or as a host bug).
 */
import fc from 'fast-check';

import { parseRyzeChatId } from '../../shared/destinations';
import { parseSendRequest } from '../../shared/send';
import { normalizeTagColor, parseTagName } from '../../shared/tags';

export const FUZZ_SEED = 20_261_121;
export const VALID_PHONE = '+5511988887777';

const DIGITS = '0123456789'.split('');
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
/** Characters that are neither digits nor the separators a phone may hold (space - . ( ) and a leading +). */
const NOT_PHONE = [...LETTERS, '#', '*', '/', '_', '@', ',', ';', '!', '?', '=', '&', '%', '$', '~', ':', '|', '\\', '"', "'", '[', ']', '{', '}', 'é', 'ß', 'Ω', '中', '😀'];
/** Whitespace String.prototype.trim removes: names made of it are blank. */
const BLANKS = [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u2003', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];

const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...DIGITS), minLength: min, maxLength: max });
const blank = fc.string({ unit: fc.constantFrom(...BLANKS), minLength: 0, maxLength: 6 });
/** Letters and inner spaces, never blank, `min`..`max` long. */
const text = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...LETTERS, ' '), minLength: Math.max(0, min - 2), maxLength: Math.max(0, max - 2) }).map((s) => `x${s}x`);
/** Letters only: trimming or collapsing whitespace cannot make it shorter. */
const word = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...LETTERS), minLength: min, maxLength: max });
/** Over a limit: a short random word padded with one letter (drawing thousands of letters one by one is slow). */
const long = (min: number, max: number) => fc.tuple(word(1, 8), fc.integer({ min, max }), fc.constantFrom(...LETTERS)).map(([w, n, c]) => `${w}${c.repeat(Math.max(0, n - w.length))}`);
/** JSON values a mapped expression may hand a text field instead of text. */
const nonText = fc.oneof(fc.boolean(), fc.constant({}), fc.record({ phone: fc.constant(VALID_PHONE) }), fc.array(fc.constant('x'), { maxLength: 3 }));

const insertAt = (base: string, insert: string, at: number) => `${base.slice(0, at % (base.length + 1))}${insert}${base.slice(at % (base.length + 1))}`;

const sample = <T>(arbitrary: fc.Arbitrary<T>, count: number, salt: number): T[] => fc.sample(arbitrary, { seed: FUZZ_SEED + salt, numRuns: count });

// ---------------------------------------------------------------------------------------------
// 1. phones (destination of kind PHONE)

export type Bad = unknown;

const badPhoneText = fc.oneof(
  // a character that is no digit and no separator
  fc.tuple(digits(6, 14), fc.constantFrom(...NOT_PHONE), fc.nat()).map(([d, c, at]) => insertAt(`+${d}`, c, at + 1)),
  // too short: fewer than 8 digits
  fc.tuple(fc.constantFrom('+', '00'), digits(1, 7)).map(([prefix, d]) => `${prefix}${d}`),
  // too long: more than 15 digits
  fc.tuple(fc.constantFrom('+', '+ ', '00'), digits(16, 30)).map(([prefix, d]) => `${prefix}${d}`),
  // a + that does not lead
  fc.tuple(digits(4, 8), digits(4, 8)).map(([a, b]) => `${a}+${b}`),
  // a WhatsApp id where a phone is asked for
  // (a user JID, …@s.whatsapp.net, is a phone and accepted)
  fc.tuple(digits(10, 13), fc.constantFrom('@g.us', '@lid', '@newsletter', '@broadcast')).map(([d, server]) => `${d}${server}`),
  // separators only
  fc.string({ unit: fc.constantFrom(' ', '-', '.', '(', ')'), minLength: 1, maxLength: 12 }),
);

/** Zapier fields hold text; n8n expressions may also hand over other JSON values. */
export const badPhones = (count: number, { textOnly = false } = {}): Bad[] =>
  sample(textOnly ? badPhoneText : fc.oneof({ arbitrary: badPhoneText, weight: 9 }, { arbitrary: nonText, weight: 1 }), count, 1);

export function checkBadPhone(value: Bad): string | undefined {
  const parsed = parseSendRequest({ destinationNumber: value, text: 'Hi' });
  if (parsed.ok) return `valid phone generated: ${JSON.stringify(value)}`;
  // A blank field is "not given": then the destination is missing.
  const named = parsed.issues.some((i) => i.field === 'destinationNumber' || i.field === 'destination');
  return named ? undefined : `phone ${JSON.stringify(value)} refused for another reason: ${JSON.stringify(parsed.issues)}`;
}

// ---------------------------------------------------------------------------------------------
// 2. send requests (a valid phone, a broken message)

export interface SendCase {
  mode: 'template' | 'text' | 'media';
  templateId?: string;
  text?: string;
  buttons?: string[];
  header?: string;
  footer?: string;
  media?: string;
  mediaType?: string;
  caption?: string;
  deliverAt?: string;
}

const pastDate = fc.integer({ min: 0, max: 20 * 365 }).map((days) => new Date(Date.UTC(2025, 0, 1) - days * 86_400_000).toISOString());
const badDate = fc.oneof(pastDate, fc.constantFrom('tomorrow', '2999-13-45T99:99:99Z', '31/12/2999 10:00', 'next monday', '2999-01-01T25:00:00+03:00'));
const badUrl = fc.oneof(
  fc.constantFrom('not a url', 'ftp://example.com/a.png', 'javascript:alert(1)', 'file:///etc/passwd', 'data:image/png;base64,***', 'data:,', 'http//missing-colon.png', 'www.example.com/photo.jpg'),
  word(1, 20).map((t) => `${t}.png`),
);

const templateCase = fc
  .record({ templateId: fc.oneof(blank, fc.constant('')), deliverAt: fc.option(badDate, { nil: undefined }) })
  .chain((c) => (c.deliverAt === undefined ? fc.constant(c) : fc.oneof(fc.constant(c), fc.constant({ ...c, templateId: 'welcome' }))))
  .map((c): SendCase => ({ mode: 'template', ...c }));

const textCase = fc
  .record({
    text: fc.oneof(text(2, 200), long(4_097, 4_300), blank),
    buttons: fc.oneof(fc.constant([] as string[]), fc.array(text(2, 20), { minLength: 4, maxLength: 5 }), fc.array(long(21, 40), { minLength: 1, maxLength: 3 }), fc.array(text(2, 12), { minLength: 1, maxLength: 3 })),
    header: fc.oneof(fc.constant(''), text(2, 60), long(61, 90)),
    footer: fc.oneof(fc.constant(''), text(2, 60), long(61, 90)),
    deliverAt: fc.option(badDate, { nil: undefined }),
  })
  .map((c): SendCase => ({ mode: 'text', ...c }));

const mediaCase = fc
  .record({
    media: fc.oneof(badUrl, blank, fc.constant('https://example.com/voice.ogg')),
    mediaType: fc.constantFrom('', 'image', 'audio', 'document', 'video'),
    caption: fc.oneof(fc.constant(''), text(2, 40), long(1_025, 1_100)),
    deliverAt: fc.option(badDate, { nil: undefined }),
  })
  .map((c): SendCase => ({ mode: 'media', ...c }));

/** Most generated cases are broken several ways at once; those that are not are filtered out. */
export const badSends = (count: number): SendCase[] => {
  const out: SendCase[] = [];
  for (let salt = 2; out.length < count; salt += 100) {
    out.push(...sample(fc.oneof(templateCase, textCase, mediaCase), count, salt).filter((c) => checkBadSend(c) === undefined));
  }
  return out.slice(0, count);
};

/** The send as the core receives it from either host (blank fields are "not given" there too). */
export function sendInput(c: SendCase): Record<string, unknown> {
  const input: Record<string, unknown> = { destinationNumber: VALID_PHONE, deliverAt: c.deliverAt };
  if (c.mode === 'template') input.templateId = c.templateId;
  if (c.mode === 'text') Object.assign(input, { text: c.text, buttons: (c.buttons ?? []).map((b) => ({ text: b })), header: c.header, footer: c.footer });
  if (c.mode === 'media') Object.assign(input, { media: c.media, mediaType: c.mediaType || undefined, caption: c.caption });
  if (c.mode === 'text' && (c.buttons ?? []).length === 0) delete input.buttons;
  return input;
}

export function checkBadSend(c: SendCase): string | undefined {
  return parseSendRequest(sendInput(c)).ok ? `valid send generated: ${JSON.stringify(c)}` : undefined;
}

// ---------------------------------------------------------------------------------------------
// 3. label lists

const goodLabel = text(2, 30);
const longLabel = long(101, 160);
const badLabelEntry = fc.oneof(longLabel, fc.integer(), fc.boolean(), fc.constant({}));

const labelListText = fc.oneof(
  // one label over 100 characters among good ones
  fc.tuple(fc.array(goodLabel, { maxLength: 5 }), longLabel, fc.nat()).map(([good, bad, at]) => {
    const list = [...good];
    list.splice(at % (list.length + 1), 0, bad);
    return list;
  }),
  // more than 20 distinct labels
  fc.integer({ min: 21, max: 40 }).map((n) => Array.from({ length: n }, (_, i) => `label ${i}`)),
);

/** As text (`a, b`) or as a list; for n8n also lists holding non-text entries. */
export const badLabelLists = (count: number, { textOnly = false } = {}): unknown[] => {
  const asTextOrList = labelListText.chain((list) => fc.constantFrom<unknown>(list, list.join(', ')));
  const withOddEntries = fc.tuple(fc.array(goodLabel, { maxLength: 4 }), badLabelEntry).map(([good, bad]) => [...good, bad]);
  return sample(textOnly ? asTextOrList : fc.oneof({ arbitrary: asTextOrList, weight: 4 }, { arbitrary: withOddEntries, weight: 1 }), count, 3);
};

export function checkBadLabels(labels: unknown): string | undefined {
  const parsed = parseSendRequest({ destinationNumber: VALID_PHONE, text: 'Hi', labels });
  if (parsed.ok) return `valid labels generated: ${JSON.stringify(labels)}`;
  return parsed.issues.every((i) => i.field.startsWith('labels')) ? undefined : `labels refused for another reason: ${JSON.stringify(parsed.issues)}`;
}

// ---------------------------------------------------------------------------------------------
// 4. tag names (and colors)

export interface TagCase {
  name: unknown;
  color: unknown;
}

/** Colors that are no palette index, name or hex: RyzeAPI makes them 0, and so does the core. */
export const badColor: fc.Arbitrary<string | number> = fc.oneof(
  fc.integer({ min: 11, max: 1_000_000 }),
  fc.integer({ min: -1_000_000, max: -1 }),
  fc.double({ min: 0.01, max: 9.99, noNaN: true }).filter((n) => !Number.isInteger(n)),
  word(1, 12).map((t) => `zz ${t}`),
  fc.constantFrom('#000000', '#ffffff', 'red', 'blue', '11', '-3', '2.5'),
);

export const badTags = (count: number, { textOnly = false } = {}): TagCase[] =>
  sample(fc.record({ name: textOnly ? blank : fc.oneof({ arbitrary: blank, weight: 4 }, { arbitrary: fc.oneof(fc.integer(), nonText), weight: 1 }), color: fc.oneof(badColor, fc.constant(undefined)) }), count, 4);

export function checkBadTag(c: TagCase): string | undefined {
  return parseTagName(c.name).ok ? `valid tag name generated: ${JSON.stringify(c.name)}` : undefined;
}

export const badColors = (count: number): (string | number)[] => sample(badColor, count, 5);

export function checkBadColor(color: unknown): string | undefined {
  return normalizeTagColor(color).normalized ? undefined : `palette color generated: ${JSON.stringify(color)}`;
}

// ---------------------------------------------------------------------------------------------
// 5. chat ids (RyzeAPI)

const badChatText = fc.oneof(
  fc.tuple(digits(10, 13), fc.constantFrom(...NOT_PHONE.filter((c) => c !== '@')), fc.nat()).map(([d, c, at]) => insertAt(d, c, at)),
  digits(1, 7),
  digits(15, 30).map((d) => `9${d}`),
  fc.tuple(digits(10, 13), fc.constantFrom('@example.com', '@gmail.com', '@whatsapp.com', '@', '@g.us.evil', '@s.whatsapp')).map(([d, s]) => `${d}${s}`),
  fc.tuple(word(1, 10), fc.constantFrom('@g.us', '@lid', '@s.whatsapp.net', '@newsletter')).map(([t, s]) => `${t}${s}`),
  fc.tuple(digits(5, 10), digits(5, 10)).map(([a, b]) => `${a}@${b}@g.us`),
  blank,
);

export const badChats = (count: number, { textOnly = false } = {}): unknown[] =>
  sample(textOnly ? badChatText : fc.oneof({ arbitrary: badChatText, weight: 9 }, { arbitrary: nonText, weight: 1 }), count, 6);

export function checkBadChat(value: unknown): string | undefined {
  return parseRyzeChatId(value).ok ? `valid chat id generated: ${JSON.stringify(value)}` : undefined;
}
