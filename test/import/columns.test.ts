import fc from 'fast-check';
import {
  columnKind,
  GROUP_HEADERS,
  NAME_HEADERS,
  normalizeHeader,
  PHONE_HEADERS,
  recognizeColumns,
} from '../../shared/labels/import';
import { brief, collect, fileFailure } from './helpers';

describe('normalizeHeader', () => {
  it.each([
    ['Número de Telefone', 'numerodetelefone'],
    ['  PHONE  ', 'phone'],
    ['destination_number', 'destinationnumber'],
    ['Destination-Number', 'destinationnumber'],
    ['whats.app', 'whatsapp'],
    ['Teléfono', 'telefono'],
    ['CELULAR', 'celular'],
    ['Nº', 'nº'],
    ['phone\u00a0number', 'phonenumber'],
    ['phone\u2013number', 'phonenumber'],
    ['', ''],
  ])('%j → %j', (header, normalized) => {
    expect(normalizeHeader(header)).toBe(normalized);
  });
});

describe('columnKind', () => {
  it.each([
    // PilotStatus' own names, any case and separator
    ['number', 'phone'],
    ['NUMBER', 'phone'],
    ['destinationNumber', 'phone'],
    ['destination_number', 'phone'],
    ['Destination Number', 'phone'],
    ['phone', 'phone'],
    ['Phone Number', 'phone'],
    ['phone-number', 'phone'],
    // Portuguese and Spanish, with or without accents
    ['Número', 'phone'],
    ['numero', 'phone'],
    ['Número de Telefone', 'phone'],
    ['numero de celular', 'phone'],
    ['Telefone', 'phone'],
    ['Celular', 'phone'],
    ['Cel.', 'phone'],
    ['Fone', 'phone'],
    ['Teléfono', 'phone'],
    ['telefono', 'phone'],
    ['Móvil', 'phone'],
    ['WhatsApp', 'phone'],
    ['Whatsapp Number', 'phone'],
    ['Tel', 'phone'],
    ['Telephone', 'phone'],
    ['MSISDN', 'phone'],
    ['Mobile Phone', 'phone'],
    ['Contact Number', 'phone'],
    ['Phone 1 - Value', 'phone'],
    // groups
    ['groupId', 'group'],
    ['GROUP_ID', 'group'],
    ['Group', 'group'],
    ['grupo', 'group'],
    ['Grupo ID', 'group'],
    // names
    ['Name', 'name'],
    ['Nome', 'name'],
    ['Nombre', 'name'],
    ['Full Name', 'name'],
    ['Nome Completo', 'name'],
    ['contact_name', 'name'],
    ['Display Name', 'name'],
    ['Contato', 'name'],
    ['Contact', 'name'],
    // not recognized
    ['Email', undefined],
    ['Group Name', undefined],
    ['Phones', undefined],
    ['Cidade', undefined],
    ['', undefined],
  ])('%j is %s', (header, kind) => {
    expect(columnKind(header)).toBe(kind);
  });

  it.each([...PHONE_HEADERS.map((h) => [h, 'phone']), ...GROUP_HEADERS.map((h) => [h, 'group']), ...NAME_HEADERS.map((h) => [h, 'name'])])(
    'the documented header %j is recognized as %s',
    (header, kind) => {
      expect(columnKind(header)).toBe(kind);
    },
  );

  it('documents the three names PilotStatus gives', () => {
    expect(PHONE_HEADERS).toEqual(expect.arrayContaining(['number', 'destinationNumber', 'phone']));
    expect(GROUP_HEADERS).toEqual(expect.arrayContaining(['groupId', 'group']));
  });
});

describe('recognizeColumns', () => {
  it('reports the header text used for each kind, and keys every other column by its header', () => {
    const layout = recognizeColumns(['Nome', 'E-mail', ' Telefone ', 'Grupo', 'Cidade']);
    expect(layout.ok && layout.value.columns).toEqual({ phone: 'Telefone', group: 'Grupo', name: 'Nome' });
    expect(layout.ok && layout.value.extraKeys.map((k) => k?.key)).toEqual([undefined, 'E-mail', undefined, undefined, 'Cidade']);
  });

  it('takes the left-most column of each kind; later ones stay in extra', () => {
    const layout = recognizeColumns(['Celular', 'Telefone', 'Name', 'Nome']);
    expect(layout.ok && layout.value.columns).toEqual({ phone: 'Celular', group: null, name: 'Name' });
    expect(layout.ok && layout.value.extraKeys.map((k) => k?.key)).toEqual([undefined, 'Telefone', undefined, 'Nome']);
  });

  it('keeps repeated and untitled headers apart', () => {
    const layout = recognizeColumns(['phone', 'Email', 'Email', '', 'column 4']);
    expect(layout.ok && layout.value.extraKeys.map((k) => k && [k.key, k.untitled])).toEqual([
      undefined,
      ['Email', false],
      ['Email (2)', false],
      ['column 4', true],
      ['column 4 (2)', false],
    ]);
  });

  it('reads header cells that are numbers', () => {
    const layout = recognizeColumns(['phone', 2024]);
    expect(layout.ok && layout.value.extraKeys[1]?.key).toBe('2024');
  });

  it('accepts a group column alone', () => {
    const layout = recognizeColumns(['groupId', 'name']);
    expect(layout.ok && layout.value.columns).toEqual({ phone: null, group: 'groupId', name: 'name' });
  });

  it('refuses a header with neither a phone nor a group column, listing what is accepted', () => {
    const layout = recognizeColumns(['Nome', 'Email']);
    expect(layout.ok).toBe(false);
    const problem = !layout.ok ? layout.issues[0] : undefined;
    expect(problem).toMatchObject({ field: 'file', rule: 'import.no_destination_column' });
    for (const header of ['number', 'destinationNumber', 'phone', 'telefone', 'groupId', 'group']) expect(problem?.message).toContain(header);
  });
});

describe('missing columns in a file', () => {
  it.each([
    ['a header without a destination column', 'Nome;Email\nAna;a@x.com\n'],
    ['a file whose first row is data, not a header', '+5511999999999,Ana\n+5521987654321,Bruno\n'],
  ])('%s is a file-level error', async (_, csv) => {
    const error = await fileFailure(csv);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ field: 'file', rule: 'import.no_destination_column' });
  });

  it('reads a file with only a phone column', async () => {
    const { outcomes, summary } = await collect('WhatsApp\n+55 11 99999-9999\n');
    expect(brief(outcomes)).toEqual(['2 PHONE +5511999999999 ""']);
    expect(summary.columns).toEqual({ phone: 'WhatsApp', group: null, name: null });
  });
});

describe('header normalization (properties)', () => {
  const LATIN = [...'abcdefghijklmnopqrstuvwxyzáàâãäéèêëíìîïóòôõöúùûüçñ'];
  const strip = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');

  it('is idempotent on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (header) => {
        const once = normalizeHeader(header);
        expect(normalizeHeader(once)).toBe(once);
      }),
      { numRuns: 10000 },
    );
  });

  it('ignores case, accents and separators of Latin-script headers', () => {
    const word = fc.array(fc.constantFrom(...LATIN), { minLength: 1, maxLength: 20 }).map((chars) => chars.join(''));
    const separator = fc.constantFrom(' ', '_', '-', '.', '\t', '\u00a0', '');
    fc.assert(
      fc.property(word, fc.array(fc.boolean(), { maxLength: 20 }), separator, fc.nat(20), (text, upper, sep, at) => {
        const cased = [...text].map((char, i) => (upper[i] ? char.toUpperCase() : char)).join('');
        const decorated = `${sep}${cased.slice(0, at)}${sep}${cased.slice(at)}${sep}`;
        expect(normalizeHeader(decorated)).toBe(normalizeHeader(strip(text)));
        expect(normalizeHeader(decorated)).toBe(strip(text));
      }),
      { numRuns: 10000 },
    );
  });

  it('recognizes every documented header however it is cased and spaced', () => {
    const documented = fc.constantFrom(
      ...PHONE_HEADERS.map((h) => [h, 'phone'] as const),
      ...GROUP_HEADERS.map((h) => [h, 'group'] as const),
      ...NAME_HEADERS.map((h) => [h, 'name'] as const),
    );
    fc.assert(
      fc.property(documented, fc.boolean(), fc.constantFrom(' ', '_', '-', '.'), ([header, kind], upper, sep) => {
        const variant = (upper ? header.toUpperCase() : header.toLowerCase()).replace(/ /g, sep);
        expect(columnKind(`  ${variant} `)).toBe(kind);
        expect(columnKind(strip(variant))).toBe(kind);
      }),
      { numRuns: 10000 },
    );
  });
});
