import { importContactsFromBuffer, looksLikeXlsx } from '../../shared/labels/import';
import { brief, chunked, collect, fileFailure, utf8, xlsx } from './helpers';

describe('XLSX import', () => {
  it('reads a workbook written by write-excel-file: number cells, groups, bad rows, row numbers', async () => {
    const workbook = await xlsx([
      ['Nome', 'Telefone', 'Grupo', 'Nascimento', 'VIP'],
      ['Ana', 5511999999999, null, new Date(Date.UTC(1990, 0, 2)), true],
      [null, null, null, null, null],
      ['Bruno', '+55 21 98765-4321', null, null, false],
      ['Equipe', null, '120363025246125486@g.us', null, null],
      ['Caio', 'abc', null, null, null],
      ['Dora', 11987654321, null, null, null],
      ['Eva', 5511999999999.5, null, null, null],
    ]);
    expect(looksLikeXlsx(workbook)).toBe(true);
    const { outcomes, summary } = await collect(workbook, { defaultCountry: 'BR' });
    expect(summary).toEqual({ format: 'xlsx', columns: { phone: 'Telefone', group: 'Grupo', name: 'Nome' } });
    expect(brief(outcomes)).toEqual([
      '2 PHONE +5511999999999 "Ana"',
      '4 PHONE +5521987654321 "Bruno"',
      '5 GROUP 120363025246125486@g.us "Equipe"',
      '6 ! Telefone:phone.invalid_characters',
      '7 PHONE +5511987654321 "Dora"',
      '8 ! Telefone:phone.type',
    ]);
    expect(outcomes[0]?.ok && outcomes[0].contact.extra).toEqual({ Nascimento: '1990-01-02', VIP: 'TRUE' });
  });

  it('keeps leading empty rows in the numbering', async () => {
    const workbook = await xlsx([[null], [null], ['phone', 'name'], ['+5511999999999', 'Ana']]);
    const { outcomes } = await collect(workbook);
    expect(brief(outcomes)).toEqual(['4 PHONE +5511999999999 "Ana"']);
  });

  it('applies the duplicate and name-filling rules as for CSV', async () => {
    const workbook = await xlsx([['number', 'name'], [5511999999999, null], ['+55 11 99999-9999', 'Ana']]);
    const result = await importContactsFromBuffer(workbook);
    expect(result.contacts.map((c) => [c.row, c.name])).toEqual([[2, 'Ana']]);
    expect(result.failures.map((f) => [f.row, f.issues[0]?.rule, f.filledName])).toEqual([[3, 'import.duplicate', 'Ana']]);
  });

  it('reads a workbook that arrives as a stream of small chunks', async () => {
    const workbook = await xlsx([['phone'], ['+5511999999999']]);
    const { outcomes } = await collect(chunked(workbook, [1, 2, 3, 100, 700]));
    expect(brief(outcomes)).toEqual(['2 PHONE +5511999999999 ""']);
  });

  it('reads a Buffer that is a slice of a larger pool', async () => {
    const workbook = await xlsx([['phone'], ['+5511999999999']]);
    const pool = Buffer.alloc(workbook.length + 64, 0x41);
    pool.set(workbook, 32);
    const { outcomes } = await collect(pool.subarray(32, 32 + workbook.length));
    expect(outcomes).toHaveLength(1);
  });

  it.each([
    ['a sheet without a destination column', [['Nome', 'Email'], ['Ana', 'a@x.com']], 'import.no_destination_column'],
    ['an empty sheet', [[null]], 'import.empty'],
  ])('%s is a file-level error', async (_, rows, rule) => {
    const error = await fileFailure(await xlsx(rows));
    expect(error.issues.map((i) => [i.field, i.rule])).toEqual([['file', rule]]);
  });

  it.each<[string, () => Promise<Uint8Array>, { format?: 'xlsx' }]>([
    ['a truncated workbook', async () => (await xlsx([['phone'], ['+5511999999999']])).subarray(0, 200), {}],
    ['a zip header followed by garbage', async () => Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6), {}],
    ['an old .xls workbook', async () => Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0), {}],
    ['CSV text declared as xlsx', async () => utf8('phone\n+5511999999999\n'), { format: 'xlsx' }],
  ])('%s: import.xlsx_unreadable', async (_, bytes, options) => {
    const error = await fileFailure(await bytes(), options);
    expect(error.issues.map((i) => [i.field, i.rule])).toEqual([['file', 'import.xlsx_unreadable']]);
  });

  it('says an .xls must be saved again', async () => {
    const error = await fileFailure(Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1));
    expect(error.message).toContain('.xls');
    expect(error.hint).toContain('.xlsx or CSV');
  });
});

describe('a workbook large enough for fflate to inflate it asynchronously (> 512 KB)', () => {
  it('reads every row', async () => {
    const rows: (string | number)[][] = [['phone', 'name', 'note']];
    // Random notes keep the zip from compressing below fflate's synchronous threshold.
    let seed = 1;
    const noise = () => Array.from({ length: 40 }, () => ((seed = (seed * 48271) % 2147483647) % 36).toString(36)).join('');
    for (let i = 0; i < 20000; i++) rows.push([5511900000000 + i, `Contact ${i}`, noise()]);
    const workbook = await xlsx(rows);
    expect(workbook.length).toBeGreaterThan(512 * 1024);
    const result = await importContactsFromBuffer(workbook);
    expect(result.failures).toEqual([]);
    expect(result.contacts).toHaveLength(20000);
    expect(result.contacts[19999]).toMatchObject({ row: 20001, destination: { value: '+5511900019999' }, name: 'Contact 19999' });
  }, 30_000);
});
