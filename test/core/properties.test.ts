import fc from 'fast-check';
import { getCountries, getCountryCallingCode, parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js';
import {
  fromRyzeChatId,
  parseDestination,
  parsePhone,
  parseRyzeChatId,
  toRyzeChatId,
  type Destination,
  type PhoneOptions,
} from '../../shared/destinations';
import type { Parsed } from '../../shared/errors';
import { LABELS_PER_MESSAGE_MAX, LABEL_NAME_MAX_LENGTH, parseLabelList, parseLabelName } from '../../shared/labels';

const RUNS = { numRuns: 10_000 } as const;
const E164 = /^\+[1-9]\d{7,14}$/;
const RYZE_CHAT_ID = /^([1-9]\d{7,14}|\d{5,25}@lid|\d{5,25}(-\d{5,15})?@g\.us|\d{5,25}@newsletter)$/;

/** Either a success whose value passes `check`, or a failure with well-formed issues. */
function expectSound<T>(result: Parsed<T>, check: (value: T) => boolean): void {
  if (result.ok) {
    if (!check(result.value)) throw new Error(`unexpected value ${JSON.stringify(result.value)}`);
    return;
  }
  expect(result.issues.length).toBeGreaterThanOrEqual(1);
  for (const i of result.issues) {
    expect(typeof i.field).toBe('string');
    expect(i.field).not.toBe('');
    expect(i.rule).not.toBe('');
    expect(i.message).not.toBe('');
    expect(i.message.startsWith(`${i.field} `)).toBe(true);
  }
}

const isDestination = (d: Destination) =>
  (d.kind === 'PHONE' && E164.test(d.value)) ||
  (d.kind === 'GROUP' && /^\d{5,25}(-\d{5,15})?@g\.us$/.test(d.value)) ||
  (d.kind === 'CHANNEL' && /^\d{5,25}@newsletter$/.test(d.value));

// ------------------------------------------------------------------------------------------------
// Inputs

const PIECES = [
  ...'0123456789',
  '55', '11', '00', '99999', '9999', '5511999999999', '551199999999', '1441234567', '120363025246125486',
  ' ', '  ', '-', '.', '(', ')', '\u00A0', '\u2013', '\u2212', '\t', '\n', '/', ',', '#', '*',
  'a', 'Z', 'x', 'ext', 'é', '😀', '\u200B', '１', '５', '＋', '（', '）',
  '+', '@', ':', '-',
  'g.us', 'c.us', 's.whatsapp.net', 'lid', 'newsletter', 'broadcast', 'status', 'G.US',
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf',
];

const pieceString = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((p) => p.join(''));
const jidShaped = fc
  .tuple(fc.array(fc.constantFrom(...'0123456789:.-a'), { maxLength: 30 }), fc.constantFrom('g.us', 'c.us', 's.whatsapp.net', 'lid', 'newsletter', 'broadcast', 'G.us', 'x', '', '__proto__', 'constructor'))
  .map(([user, server]) => `${user.join('')}@${server}`);
const anyString = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), pieceString, jidShaped);
const anyInput = fc.oneof(fc.anything(), anyString, fc.integer(), fc.double(), fc.bigInt());
const anyOptions: fc.Arbitrary<PhoneOptions> = fc.record({
  defaultCountry: fc.oneof(fc.constantFrom(undefined, '', 'BR', 'br', ' US ', 'DE', 'PT', 'IN', 'XX'), fc.string({ maxLength: 3 })),
});

// Valid E.164 numbers: a real calling code and a national length libphonenumber calls possible.
const CODE_AND_LENGTH: Array<[code: string, nationalLength: number]> = [];
for (const code of new Set(getCountries().map((c) => getCountryCallingCode(c)))) {
  for (let length = 4; code.length + length <= 15; length++) {
    if (code.length + length < 8) continue;
    const possible = ['2', '5', '7', '9'].some((d) => validatePhoneNumberLength(`+${code}${d.repeat(length)}`) === undefined);
    if (possible) CODE_AND_LENGTH.push([code, length]);
  }
}

const e164 = fc
  .constantFrom(...CODE_AND_LENGTH)
  .chain(([code, length]) => fc.array(fc.constantFrom(...'0123456789'), { minLength: length, maxLength: length }).map((d) => `+${code}${d.join('')}`))
  .filter((candidate) => {
    const parsed = parsePhoneNumberFromString(candidate);
    return parsed !== undefined && parsed.isPossible() && parsed.number === candidate;
  });

const FULLWIDTH = (text: string) => text.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

interface Formatting {
  readonly prefix: string;
  readonly groups: ReadonlyArray<{ readonly size: number; readonly separator: string; readonly parenthesized: boolean }>;
  readonly fullwidth: boolean;
  readonly padding: readonly [string, string];
}

const formatting: fc.Arbitrary<Formatting> = fc.record({
  prefix: fc.constantFrom('+', '00', '+ ', '00 ', '＋', '+(', '(+'),
  groups: fc.array(
    fc.record({
      size: fc.integer({ min: 1, max: 5 }),
      separator: fc.constantFrom('', ' ', '-', '.', ' - ', '\u00A0', '\u2013', '\u2212', '  '),
      parenthesized: fc.boolean(),
    }),
    { maxLength: 8 },
  ),
  fullwidth: fc.boolean(),
  padding: fc.tuple(fc.constantFrom('', ' ', '\t', '\n '), fc.constantFrom('', ' ', '\r\n')),
});

/** Writes `+<digits>` the way a person might: grouped, separated, parenthesized, 00 for +. */
function format(number: string, f: Formatting): string {
  let rest = number.slice(1);
  const parts: string[] = [];
  for (const group of f.groups) {
    if (rest === '') break;
    const chunk = rest.slice(0, group.size);
    rest = rest.slice(group.size);
    parts.push((group.parenthesized ? `(${chunk})` : chunk) + group.separator);
  }
  parts.push(rest);
  let body = parts.join('');
  // `+(55)` / `(+55)` forms need the closing parenthesis after some digits.
  if (f.prefix === '+(' || f.prefix === '(+') body = `${body.slice(0, 2)})${body.slice(2)}`;
  if (f.fullwidth) body = FULLWIDTH(body);
  return `${f.padding[0]}${f.prefix}${body}${f.padding[1]}`;
}

// ------------------------------------------------------------------------------------------------

describe('destination parsers never throw and always answer soundly', () => {
  it('parsePhone: arbitrary input and options', () => {
    fc.assert(
      fc.property(anyInput, anyOptions, (input, options) => {
        expectSound(parsePhone(input, 'phone', options), (v) => E164.test(v));
      }),
      RUNS,
    );
  });

  it('parsePhone: strings of digits, separators, letters and @ pieces', () => {
    fc.assert(
      fc.property(pieceString, (input) => {
        expectSound(parsePhone(input), (v) => E164.test(v));
        expectSound(parsePhone(input, 'phone', { defaultCountry: 'BR' }), (v) => E164.test(v));
      }),
      RUNS,
    );
  });

  it('parseDestination: arbitrary input', () => {
    fc.assert(
      fc.property(anyInput, anyOptions, (input, options) => {
        expectSound(parseDestination(input, 'destination', options), isDestination);
      }),
      RUNS,
    );
  });

  it('parseDestination: JID-shaped strings', () => {
    fc.assert(
      fc.property(jidShaped, (input) => {
        expectSound(parseDestination(input), isDestination);
      }),
      RUNS,
    );
  });

  it('parseRyzeChatId: arbitrary input', () => {
    fc.assert(
      fc.property(anyInput, anyOptions, (input, options) => {
        expectSound(parseRyzeChatId(input, 'number', options), (v) => RYZE_CHAT_ID.test(v));
      }),
      RUNS,
    );
  });

  it('parseRyzeChatId: JID-shaped and piece strings, and fromRyzeChatId on them', () => {
    fc.assert(
      fc.property(fc.oneof(jidShaped, pieceString), (input) => {
        expectSound(parseRyzeChatId(input), (v) => RYZE_CHAT_ID.test(v));
        expectSound(fromRyzeChatId(input), isDestination);
      }),
      RUNS,
    );
  });
});

describe('valid E.164 numbers survive any human formatting', () => {
  it('the generator yields numbers from many calling codes', () => {
    expect(new Set(CODE_AND_LENGTH.map(([code]) => code)).size).toBeGreaterThan(150);
    const sample = fc.sample(e164, { numRuns: 200, seed: 42 });
    expect(sample.every((n) => E164.test(n))).toBe(true);
    expect(new Set(sample.map((n) => parsePhoneNumberFromString(n)?.countryCallingCode)).size).toBeGreaterThan(30);
  });

  it('parsePhone(format(n)) === n, and parseDestination / parseRyzeChatId agree', () => {
    fc.assert(
      fc.property(e164, formatting, (number, f) => {
        const typed = format(number, f);
        expect(parsePhone(typed)).toEqual({ ok: true, value: number });
        expect(parseDestination(typed)).toEqual({ ok: true, value: { kind: 'PHONE', value: number } });
        expect(parseRyzeChatId(typed)).toEqual({ ok: true, value: number.slice(1) });
      }),
      RUNS,
    );
  });

  it('a default country does not change a number written with + or 00', () => {
    fc.assert(
      fc.property(e164, formatting, fc.constantFrom('BR', 'US', 'DE', 'IN', 'PT'), (number, f, defaultCountry) => {
        expect(parsePhone(format(number, f), 'phone', { defaultCountry })).toEqual({ ok: true, value: number });
      }),
      RUNS,
    );
  });

  it('RyzeAPI chat ids round trip: toRyzeChatId ∘ fromRyzeChatId and user JIDs', () => {
    fc.assert(
      fc.property(e164, fc.constantFrom('@s.whatsapp.net', '@c.us', ':3@s.whatsapp.net', '.0:12@s.whatsapp.net'), (number, suffix) => {
        const destination: Destination = { kind: 'PHONE', value: number };
        const chatId = toRyzeChatId(destination);
        expect(chatId).toBe(number.slice(1));
        expect(fromRyzeChatId(chatId)).toEqual({ ok: true, value: destination });
        expect(parseRyzeChatId(`${chatId}${suffix}`)).toEqual({ ok: true, value: chatId });
        expect(parseDestination(`${chatId}${suffix}`)).toEqual({ ok: true, value: destination });
      }),
      RUNS,
    );
  });

  it('groups and channels round trip unchanged', () => {
    const digits = (min: number, max: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''));
    const group = fc.tuple(digits(5, 25), fc.option(digits(5, 15))).map(([id, ts]): Destination => ({ kind: 'GROUP', value: `${id}${ts === null ? '' : `-${ts}`}@g.us` }));
    const channel = digits(5, 25).map((id): Destination => ({ kind: 'CHANNEL', value: `${id}@newsletter` }));
    fc.assert(
      fc.property(fc.oneof(group, channel), (destination) => {
        const chatId = toRyzeChatId(destination);
        expect(chatId).toBe(destination.value);
        expect(parseRyzeChatId(chatId)).toEqual({ ok: true, value: chatId });
        expect(fromRyzeChatId(chatId)).toEqual({ ok: true, value: destination });
      }),
      RUNS,
    );
  });
});

// ------------------------------------------------------------------------------------------------
// Labels

/** The spec of a stored label name, written independently of the module. */
const tidy = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const lower = (s: string) => s.toLowerCase();

const LABEL_UNITS = ['a', 'A', 'b', 'B', 'é', 'É', 'e\u0301', 'E\u0301', 'ß', 'ẞ', 'İ', 'i', '1', '😀', ' ', '  ', '\t', '\n', '\u00A0', '\u3000', '\u200B', ','];
const labelEntry = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: fc.constantFrom(...LABEL_UNITS), maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('x', 'X', ' '), minLength: 95, maxLength: 110 }) },
);
const labelInput = fc.oneof(
  fc.array(labelEntry, { maxLength: 30 }),
  fc.array(labelEntry, { maxLength: 30 }).map((entries) => entries.join(',')),
);

describe('label parsers never throw and always answer soundly', () => {
  it('parseLabelName: arbitrary input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), anyString, labelEntry), (input) => {
        expectSound(parseLabelName(input, 'label'), (name) => name !== '' && name === name.trim() && !/\s\s|[^\S ]/.test(name) && [...name].length <= LABEL_NAME_MAX_LENGTH);
      }),
      RUNS,
    );
  });

  it('parseLabelName: a parsed name parses to itself', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, labelEntry), (input) => {
        const first = parseLabelName(input);
        if (first.ok) expect(parseLabelName(first.value)).toEqual(first);
      }),
      RUNS,
    );
  });

  it('parseLabelList: arbitrary input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), anyString, fc.array(fc.anything(), { maxLength: 25 }), labelInput), (input) => {
        const result = parseLabelList(input, 'labels');
        expectSound(result, (names) => Array.isArray(names) && names.every((n) => typeof n === 'string' && n !== '' && n === n.trim()));
        if (!result.ok) for (const i of result.issues) expect(i.field).toMatch(/^labels(\.\d+)?$/);
      }),
      RUNS,
    );
  });
});

describe('parseLabelList: dedupe, tidiness, order, idempotence', () => {
  it('holds for lists and comma strings', () => {
    fc.assert(
      fc.property(labelInput, (input) => {
        // A comma separates labels in a string and inside each list entry; issues name the entry.
        const parts: [number, string][] =
          typeof input === 'string' ? input.split(',').map((part, index) => [index, part]) : input.flatMap((entry, index) => entry.split(',').map((part): [number, string] => [index, part]));
        const result = parseLabelList(input, 'labels');
        const tidied = parts.map(([, part]) => tidy(part));
        const tooLong = parts.flatMap(([index], at) => ([...tidied[at]!].length > LABEL_NAME_MAX_LENGTH ? [index] : []));
        // the first spelling of each distinct acceptable name, in input order
        const firsts = new Map<string, string>();
        for (const name of tidied) {
          if (name !== '' && [...name].length <= LABEL_NAME_MAX_LENGTH && !firsts.has(lower(name))) firsts.set(lower(name), name);
        }

        if (!result.ok) {
          // A failure is explained exactly: each over-long entry at its index, and too_many iff
          // the distinct names exceed the limit.
          const rules = result.issues.map((i) => `${i.field}:${i.rule}`);
          const expected = tooLong.map((index) => `labels.${index}:label.too_long`);
          if (firsts.size > LABELS_PER_MESSAGE_MAX) expected.push('labels:labels.too_many');
          expect(rules).toEqual(expected);
          return;
        }
        const names = result.value;
        expect(tooLong).toEqual([]);
        expect(names.length).toBeLessThanOrEqual(LABELS_PER_MESSAGE_MAX);

        // no two names with equal lowercase
        expect(new Set(names.map(lower)).size).toBe(names.length);
        // every name trimmed, non-empty, tidy
        expect(names.filter((name) => name === '' || name !== name.trim() || name !== tidy(name))).toEqual([]);
        // every non-blank entry is represented, by the spelling of its first occurrence, in order
        expect(names).toEqual([...firsts.values()]);
        // idempotent
        expect(parseLabelList(names, 'labels')).toEqual({ ok: true, value: names });
        if (names.every((n) => !n.includes(','))) expect(parseLabelList(names.join(', '), 'labels')).toEqual({ ok: true, value: names });
      }),
      RUNS,
    );
  });
});
