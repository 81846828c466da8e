import fc from 'fast-check';
import { E164_PATTERN, GROUP_SUFFIX, parsePhone } from '../../shared/destinations';
import { ValidationError } from '../../shared/errors';
import { importContacts, type ImportOptions, type ImportOutcome } from '../../shared/labels/import';
import { chunked, utf8 } from './helpers';

const NUM_RUNS = 10000;

/** Cuts for `chunked`, so every property also runs over arbitrary chunk boundaries. */
const cuts = fc.array(fc.nat({ max: 400 }), { maxLength: 4 });

describe('any input gives outcomes or a ValidationError, never anything else', () => {
  const csvAlphabet = fc.constantFrom(
    ',', ';', '"', '""', '\r', '\n', '\r\n', ' ', '\t', '\ufeff', 'é', '\u0000',
    'phone', 'Telefone', 'name', 'group', 'groupId', '__proto__', 'x',
    '+5511999999999', '11999999999', '5511999999999', '120363025246125486', '120363025246125486@g.us', '@g.us', 'abc@g.us', '+', '00', '0',
  );
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.array(csvAlphabet, { maxLength: 40 }).map((parts) => parts.join('')),
    // A recognized header first, so the row rules run on arbitrary rows.
    fc.tuple(fc.constantFrom('phone', 'phone;group;name', 'name,groupId', 'Número,Grupo'), fc.array(csvAlphabet, { maxLength: 40 })).map(
      ([header, parts]) => `${header}\n${parts.join('')}`,
    ),
  );
  const ZIP = [0x50, 0x4b, 0x03, 0x04];
  const bytes = fc.oneof(
    text.map(utf8),
    fc.uint8Array({ maxLength: 200 }),
    fc.uint8Array({ maxLength: 200 }).map((tail) => Uint8Array.from([...ZIP, ...tail])),
  );
  /** Text goes in as text chunks (cut anywhere, even inside a surrogate pair), bytes as byte chunks. */
  async function* pieces(input: string | Uint8Array, at: readonly number[]): AsyncGenerator<string | Uint8Array> {
    if (typeof input !== 'string') return yield* chunked(input, at);
    let start = 0;
    for (const cut of [...at].sort((a, b) => a - b).filter((cut) => cut > 0 && cut < input.length)) {
      yield input.slice(start, cut);
      start = cut;
    }
    yield input.slice(start);
  }

  const options: fc.Arbitrary<ImportOptions> = fc.record({
    format: fc.constantFrom(undefined, 'csv' as const, 'xlsx' as const),
    defaultCountry: fc.constantFrom(undefined, 'BR', 'us'),
  });

  /** What is wrong with a run's outcomes (collected, then asserted once: expect() per value is slow at 10,000 runs). */
  function problemsOf(outcomes: readonly ImportOutcome[]): string[] {
    const problems: string[] = [];
    let previous = 0;
    for (const outcome of outcomes) {
      if (!Number.isInteger(outcome.row) || outcome.row <= previous) problems.push(`row ${outcome.row} after ${previous}`);
      previous = outcome.row;
      if (outcome.ok) {
        const { destination, name, extra, row } = outcome.contact;
        if (row !== outcome.row) problems.push(`contact row ${row} in outcome ${outcome.row}`);
        if (destination.kind === 'PHONE' ? !E164_PATTERN.test(destination.value) : destination.kind !== 'GROUP' || !destination.value.endsWith(GROUP_SUFFIX)) {
          problems.push(`destination ${JSON.stringify(destination)}`);
        }
        if (name !== name.trim()) problems.push(`untrimmed name ${JSON.stringify(name)}`);
        if (Object.values(extra).some((value) => typeof value !== 'string')) problems.push('non-text extra');
      } else if (outcome.issues.length === 0 || outcome.issues.some((i) => typeof i.rule !== 'string' || typeof i.field !== 'string' || i.message === '')) {
        problems.push(`issues ${JSON.stringify(outcome.issues)}`);
      }
    }
    return problems;
  }

  it('for arbitrary bytes and text, in arbitrary chunks, with any options', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(text, bytes), cuts, options, async (input, at, opts) => {
        const outcomes: ImportOutcome[] = [];
        try {
          for await (const outcome of importContacts(pieces(input, at), opts)) outcomes.push(outcome);
        } catch (error) {
          if (!(error instanceof ValidationError) || error.issues.length === 0) throw error;
        }
        expect(problemsOf(outcomes)).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  }, 60_000);
});

describe('a table of valid phones written as CSV round-trips', () => {
  // Brazilian mobiles, US and Portuguese numbers, written the ways people write them. Drawn from
  // a pool read once, so the property's time goes to the import rather than to building phones.
  const pool = fc
    .sample(
      fc.tuple(
        fc.oneof(
          fc.tuple(fc.constantFrom('11', '21', '31', '41', '51', '61', '71', '81', '91'), fc.integer({ min: 10_000_000, max: 99_999_999 })).map(
            ([area, rest]) => ['55', area, `9${rest}`] as const,
          ),
          fc.tuple(fc.integer({ min: 201, max: 989 }), fc.integer({ min: 200, max: 999 }), fc.integer({ min: 1000, max: 9999 })).map(
            ([area, exchange, line]) => ['1', String(area), `${exchange}${line}`] as const,
          ),
          fc.integer({ min: 10_000_000, max: 99_999_999 }).map((rest) => ['351', '9', String(rest)] as const),
        ),
        fc.constantFrom('+%c%a%n', '+%c %a %n', '+%c (%a) %n', '00%c %a-%n', '+%c.%a.%n'),
      ),
      { numRuns: 3000, seed: 42 },
    )
    .map(([[country, area, number], format]) => format.replace('%c', country).replace('%a', area).replace('%n', number))
    .flatMap((text) => {
      const parsed = parsePhone(text, 'phone');
      return parsed.ok ? [{ text, e164: parsed.value }] : [];
    });
  const phone = fc.constantFrom(...pool);

  it('draws from a pool of valid phones', () => {
    expect(pool.length).toBeGreaterThan(2900);
    for (const p of pool) expect(p.e164).toMatch(E164_PATTERN);
  });

  // Any text, including delimiters, quotes, line breaks and accents.
  const cellText = fc.string({ unit: 'grapheme', maxLength: 12 });
  const contact = fc.record({ phone, name: cellText, note: cellText, blankLinesBefore: fc.nat({ max: 2 }) });
  const table = fc.record({
    contacts: fc.uniqueArray(contact, { selector: (c) => c.phone.e164, minLength: 1, maxLength: 4 }),
    delimiter: fc.constantFrom(',', ';'),
    newline: fc.constantFrom('\n', '\r\n', '\r'),
    quoteAll: fc.boolean(),
    bom: fc.boolean(),
    trailingNewline: fc.boolean(),
    withNote: fc.boolean(),
    headers: fc.record({
      phone: fc.constantFrom('phone', 'Telefone', 'número', 'Destination Number', 'WhatsApp'),
      name: fc.constantFrom('name', 'Nome', 'Full Name', 'nombre'),
    }),
    nameFirst: fc.boolean(),
  });

  type Table = typeof table extends fc.Arbitrary<infer T> ? T : never;

  /** The CSV a spreadsheet tool might write for the table, and the contacts it must give back. */
  function writeCsv(t: Table): { bytes: Uint8Array; expected: unknown[] } {
    const field = (value: string) =>
      t.quoteAll || /[",;\r\n]/.test(value) || value.startsWith('\ufeff') ? `"${value.replace(/"/g, '""')}"` : value;
    const line = (phoneCell: string, nameCell: string, noteCell: string) => {
      const cells = t.nameFirst ? [nameCell, phoneCell] : [phoneCell, nameCell];
      if (t.withNote) cells.push(noteCell);
      return cells.map(field).join(t.delimiter);
    };
    const lines = [line(t.headers.phone, t.headers.name, 'note')];
    const expected: unknown[] = [];
    for (const c of t.contacts) {
      for (let i = 0; i < c.blankLinesBefore; i++) lines.push('');
      lines.push(line(c.phone.text, c.name, c.note));
      expected.push({
        row: lines.length,
        destination: { kind: 'PHONE', value: c.phone.e164 },
        name: c.name.trim(),
        extra: t.withNote ? { note: c.note.trim() } : {},
      });
    }
    const text = (t.bom ? '\ufeff' : '') + lines.join(t.newline) + (t.trailingNewline ? t.newline : '');
    return { bytes: utf8(text), expected };
  }

  it('to the same E.164 destinations, names and rows, in order', async () => {
    await fc.assert(
      fc.asyncProperty(table, cuts, async (t, at) => {
        const { bytes, expected } = writeCsv(t);
        const outcomes: ImportOutcome[] = [];
        for await (const outcome of importContacts(chunked(bytes, at))) outcomes.push(outcome);
        const actual = outcomes.map((o) => (o.ok ? o.contact : o.issues));
        // Key order matches the expected objects, so equal JSON is equality; toEqual explains a difference.
        if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual).toEqual(expected);
      }),
      { numRuns: NUM_RUNS },
    );
  }, 60_000);
});
