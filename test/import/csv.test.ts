import { ValidationError } from '../../shared/errors';
import { detectDelimiter, importContacts, importContactsFromBuffer, MAX_ROW_BYTES, sniffEncoding } from '../../shared/labels/import';
import { brief, chunked, collect, fileFailure, latin1, utf8 } from './helpers';

describe('delimiter detection (header line, outside quotes)', () => {
  it.each([
    ['phone,name', ','],
    ['phone;name', ';'],
    ['phone', ','],
    ['', ','],
    ['phone;name,city', ','], // tie: comma
    ['a;b;c,d', ';'],
    ['"a,b,c";phone;name', ';'], // commas inside quotes do not count
    ['"a;b;c",phone', ','],
    ['"say ""x,y""";phone', ';'], // escaped quotes stay inside
    ['\n\n  phone;name\nx,y,z,w', ';'], // the first non-blank line is the header
    ['\ufeffphone;name', ';'],
    ['phone;name\r\n+1,2,3,4,5', ';'], // only the header line counts
    ['"multi\nline;;;",phone,name', ','], // a quoted line break does not end the header
  ])('%j → %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it.each([
    ['comma', 'phone,name\n+5511999999999,"Souza; Ana"\n', ','],
    ['semicolon', 'phone;name\n+5511999999999;"Souza, Ana"\n', ';'],
  ])('reads a %s file end to end', async (_, csv, delimiter) => {
    const { outcomes, summary } = await collect(csv);
    expect(summary.csv?.delimiter).toBe(delimiter);
    expect(outcomes[0]?.ok && outcomes[0].contact.name).toBe(delimiter === ',' ? 'Souza; Ana' : 'Souza, Ana');
  });
});

describe('CSV text', () => {
  const contacts = async (input: string | Uint8Array) => brief((await collect(input)).outcomes);

  it.each<[string, string | Uint8Array]>([
    ['LF', 'phone,name\n+5511999999999,Ana\n+5521987654321,Bruno\n'],
    ['CRLF', 'phone,name\r\n+5511999999999,Ana\r\n+5521987654321,Bruno\r\n'],
    ['CR', 'phone,name\r+5511999999999,Ana\r+5521987654321,Bruno'],
    ['mixed line endings', 'phone,name\r\n+5511999999999,Ana\n+5521987654321,Bruno\r\n'],
    ['a UTF-8 BOM (as text)', '\ufeffphone,name\n+5511999999999,Ana\n+5521987654321,Bruno'],
    ['a UTF-8 BOM (as bytes)', utf8('\ufeffphone,name\r\n+5511999999999,Ana\r\n+5521987654321,Bruno\r\n')],
    ['blank lines between rows', 'phone,name\n\n+5511999999999,Ana\r\n\r\n+5521987654321,Bruno\n\n\n'],
    ['quoted fields', '"phone","name"\n"+5511999999999","Ana"\n"+5521987654321","Bruno"'],
    ['ragged rows', 'phone,name,city\n+5511999999999,Ana\n+5521987654321,Bruno,Rio,extra'],
  ])('reads %s', async (_, input) => {
    const rows = await contacts(input);
    expect(rows.map((r) => r.replace(/^\d+ /, ''))).toEqual(['PHONE +5511999999999 "Ana"', 'PHONE +5521987654321 "Bruno"']);
  });

  it('keeps delimiters, line breaks and escaped quotes inside quoted fields', async () => {
    const { outcomes } = await collect('phone;name;note\n+5511999999999;"Souza; ""Ana""";"line 1\r\nline 2"\n');
    expect(outcomes[0]?.ok && outcomes[0].contact).toEqual({
      row: 2,
      destination: { kind: 'PHONE', value: '+5511999999999' },
      name: 'Souza; "Ana"',
      extra: { note: 'line 1\r\nline 2' },
    });
  });

  it.each([
    ['inside an unquoted field', 'Ana "Aninha" Souza', 'Ana "Aninha" Souza'],
    ['after a closing quote', '"Ana"x', '"Ana"x'],
  ])('keeps a quote %s as text (relax_quotes)', async (_, cell, name) => {
    const { outcomes } = await collect(`phone,name\n+5511999999999,${cell}\n`);
    expect(outcomes[0]?.ok && outcomes[0].contact.name).toBe(name);
  });

  it('keeps ragged cells: missing ones are empty, extra ones are kept by position', async () => {
    const { outcomes } = await collect('phone,name,city\n+5511999999999\n+5521987654321,Bruno,Rio,42\n');
    expect(outcomes.map((o) => o.ok && [o.contact.name, o.contact.extra])).toEqual([
      ['', { city: '' }],
      ['Bruno', { city: 'Rio', 'column 4': '42' }],
    ]);
  });

  it('reads windows-1252 (Excel "CSV" on Portuguese Windows) when the bytes are not UTF-8', async () => {
    const { outcomes, summary } = await collect(latin1('Número;Nome;Observação\n11 99999-9999;José;São Paulo\n'), { defaultCountry: 'BR' });
    expect(summary.csv).toEqual({ delimiter: ';', encoding: 'windows-1252' });
    expect(summary.columns.phone).toBe('Número');
    expect(outcomes[0]?.ok && [outcomes[0].contact.name, outcomes[0].contact.extra]).toEqual(['José', { Observação: 'São Paulo' }]);
  });

  it.each<[string, Uint8Array[], boolean, string]>([
    ['ASCII', [utf8('phone\n')], true, 'utf-8'],
    ['UTF-8 accents', [utf8('Número\n')], true, 'utf-8'],
    ['a UTF-8 character cut by the sample end', [utf8('Número').subarray(0, 2)], false, 'utf-8'],
    ['a file ending mid-character', [utf8('Número').subarray(0, 2)], true, 'windows-1252'],
    ['Latin-1 accents', [latin1('Número\n')], true, 'windows-1252'],
    ['a BOM, whatever follows', [Uint8Array.of(0xef, 0xbb, 0xbf, 0xfa)], true, 'utf-8'],
  ])('sniffs %s as %s', (_, sample, whole, encoding) => {
    expect(sniffEncoding(sample, whole)).toBe(encoding);
  });

  it('reads the same rows however the bytes are chunked (BOM, CRLF and characters cut apart)', async () => {
    const bytes = utf8('\ufeffNúmero;Nome\r\n+5511999999999;José\r\n+5521987654321;"Ana\r\nMaria"\r\n');
    const whole = brief((await collect(bytes)).outcomes);
    expect(whole).toEqual(['2 PHONE +5511999999999 "José"', '3 PHONE +5521987654321 "Ana\r\nMaria"']);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(brief((await collect(chunked(bytes, [1, cut, cut + 1]))).outcomes)).toEqual(whole);
    }
  });

  it('accepts a stream of text chunks, even one cutting a surrogate pair', async () => {
    async function* parts() {
      yield 'phone,name\n+5511999999999,Ana \ud83d';
      yield '\ude00\n';
    }
    const { outcomes } = await collect(parts());
    expect(outcomes[0]?.ok && outcomes[0].contact.name).toBe('Ana 😀');
  });
});

describe('file-level errors', () => {
  it.each<[string, string | Uint8Array]>([
    ['no bytes', ''],
    ['no bytes (binary)', new Uint8Array(0)],
    ['only a BOM', '\ufeff'],
    ['only blank lines', '\r\n\n  \n'],
    ['only delimiters', ';;;\n;;\n'],
  ])('%s: import.empty', async (_, input) => {
    const error = await fileFailure(input);
    expect(error.issues.map((i) => [i.field, i.rule])).toEqual([['file', 'import.empty']]);
  });

  it.each([
    ['an unclosed quote', 'phone,name\n+5511999999999,Ana\n+5521987654321,"Bruno\n+5531987654321,Caio\n', 'line 3', 1],
    ['an unclosed quote after a multi-line field', 'phone,note\n+5511999999999,"a\nb"\n"+5521987654321,x\n', 'line 4', 1],
    ['an unclosed quote in the header', '"phone,name\n+5511999999999,Ana\n', 'line 1', 0],
  ])('%s: import.csv_syntax naming the line, after the rows before it', async (_, csv, line, rowsBefore) => {
    const yielded: unknown[] = [];
    let failure: unknown;
    try {
      for await (const outcome of importContacts(csv)) yielded.push(outcome);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ValidationError);
    const { issues } = failure as ValidationError;
    expect(issues.map((i) => [i.field, i.rule])).toEqual([['file', 'import.csv_syntax']]);
    expect(issues[0]?.message).toContain(line);
    expect(issues[0]?.message).not.toContain('5521987654321');
    expect(yielded).toHaveLength(rowsBefore);
  });

  it('refuses a row longer than the limit instead of buffering the file', async () => {
    const error = await fileFailure(`phone,note\n+5511999999999,${'x'.repeat(MAX_ROW_BYTES + 10)}\n`);
    expect(error.issues[0]).toMatchObject({ field: 'file', rule: 'import.csv_syntax' });
    expect(error.issues[0]?.message).toContain('line 2');
  });

  it('refuses an unknown default country once, up front', async () => {
    const error = await fileFailure('phone\n+5511999999999\n', { defaultCountry: 'XX' });
    expect(error.issues.map((i) => [i.field, i.rule])).toEqual([['defaultCountry', 'country.unknown']]);
  });

  it('refuses an unknown format', async () => {
    const error = await fileFailure('phone\n+5511999999999\n', { format: 'ods' as never });
    expect(error.issues.map((i) => [i.field, i.rule])).toEqual([['format', 'import.format']]);
  });

  it.each([
    ['a number', 42],
    ['an object', { text: 'phone' }],
    ['a stream of numbers', (async function* () { yield 1; })()],
  ])('refuses %s as input', async (_, input) => {
    const error = await fileFailure(input as never);
    expect(error.issues.map((i) => [i.field, i.rule])).toEqual([['file', 'import.input_type']]);
  });
});

describe('importContactsFromBuffer', () => {
  it('collects contacts, failures and the columns used', async () => {
    const result = await importContactsFromBuffer(utf8('Nome;Celular;E-mail\nAna;+55 11 99999-9999;ana@x.com\nBia;123;\n'));
    expect(result.columns).toEqual({ phone: 'Celular', group: null, name: 'Nome' });
    expect(result.contacts).toEqual([
      { row: 2, destination: { kind: 'PHONE', value: '+5511999999999' }, name: 'Ana', extra: { 'E-mail': 'ana@x.com' } },
    ]);
    expect(result.failures.map((f) => [f.row, f.issues.map((i) => i.rule)])).toEqual([[3, ['phone.missing_country_code']]]);
  });

  it('passes the default country through', async () => {
    const result = await importContactsFromBuffer('telefone\n(11) 99999-9999\n', { defaultCountry: 'br' });
    expect(result.contacts.map((c) => c.destination.value)).toEqual(['+5511999999999']);
  });

  it('throws the file-level ValidationError', async () => {
    await expect(importContactsFromBuffer('')).rejects.toBeInstanceOf(ValidationError);
  });
});
