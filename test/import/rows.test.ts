import { EMPTY_ROW, readRow, recognizeColumns, type Cell, type ColumnLayout } from '../../shared/labels/import';
import { brief, collect } from './helpers';

function layoutOf(headers: Cell[]): ColumnLayout {
  const layout = recognizeColumns(headers);
  if (!layout.ok) throw new Error('bad test header');
  return layout.value;
}

const phoneGroupName = layoutOf(['Telefone', 'Grupo', 'Nome', 'Cidade']);

describe('readRow', () => {
  it.each<[string, Cell[], string]>([
    ['a phone', ['+55 11 99999-9999', '', 'Ana', 'Rio'], 'PHONE +5511999999999'],
    ['a group id ending in @g.us', ['', '120363025246125486@g.us', '', ''], 'GROUP 120363025246125486@g.us'],
    ['a legacy creator-timestamp group id', ['', '5511999999999-1577836800@g.us', '', ''], 'GROUP 5511999999999-1577836800@g.us'],
    ['a group id in capitals, with spaces around', ['', '  120363025246125486@G.US ', '', ''], 'GROUP 120363025246125486@g.us'],
    ['a group id next to a phone: the group wins', ['+5511999999999', '120363025246125486@g.us', '', ''], 'GROUP 120363025246125486@g.us'],
    ['a category in the group column next to a phone: the phone', ['+5511999999999', 'Clientes VIP', '', ''], 'PHONE +5511999999999'],
    ['a phone typed as a number (XLSX)', [5511999999999, null, null, null], 'PHONE +5511999999999'],
  ])('%s', (_, cells, expected) => {
    const reading = readRow(cells, phoneGroupName);
    expect(reading !== EMPTY_ROW && reading.ok && `${reading.value.destination.kind} ${reading.value.destination.value}`).toBe(expected);
  });

  it.each<[string, Cell[], string, string]>([
    ['a bad phone', ['abc', '', 'Ana', ''], 'Telefone', 'phone.invalid_characters'],
    ['a phone too short', ['+55 11 9999', '', '', ''], 'Telefone', 'phone.too_short'],
    ['a national phone without a default country', ['(11) 99999-9999', '', '', ''], 'Telefone', 'phone.missing_country_code'],
    ['a group value without @g.us and no phone', ['', '120363025246125486', 'Ana', ''], 'Grupo', 'import.group_format'],
    ['a category in the group column and no phone', ['', 'Clientes', '', ''], 'Grupo', 'import.group_format'],
    ['a malformed group id', ['', 'abc@g.us', '', ''], 'Grupo', 'jid.g_us'],
    ['neither phone nor group', ['', '', 'Ana', 'Rio'], 'Telefone', 'required'],
    ['a phone typed as a decimal number', [5511999999999.5, null, null, null], 'Telefone', 'phone.type'],
    ['a phone cell holding a date', [new Date(0), null, null, null], 'Telefone', 'phone.type'],
    ['a phone cell holding a boolean', [true, null, null, null], 'Telefone', 'phone.type'],
  ])('%s fails on the field named by the header', (_, cells, field, rule) => {
    const reading = readRow(cells, phoneGroupName);
    expect(reading !== EMPTY_ROW && !reading.ok && reading.issues.map((i) => [i.field, i.rule])).toEqual([[field, rule]]);
  });

  it('says what is missing when a row has neither', () => {
    const reading = readRow(['', '', 'Ana', ''], phoneGroupName);
    expect(reading !== EMPTY_ROW && !reading.ok && reading.issues[0]?.message).toBe('Telefone has no phone number or group id');
  });

  it('names the group column in `required` when the file has no phone column', () => {
    const reading = readRow(['', 'Ana'], layoutOf(['groupId', 'name']));
    expect(reading !== EMPTY_ROW && !reading.ok && reading.issues.map((i) => [i.field, i.rule])).toEqual([['groupId', 'required']]);
  });

  it('passes the default country to parsePhone', () => {
    const reading = readRow(['(11) 99999-9999', '', '', ''], phoneGroupName, { defaultCountry: 'BR' });
    expect(reading !== EMPTY_ROW && reading.ok && reading.value.destination.value).toBe('+5511999999999');
  });

  it.each<[string, Cell[]]>([
    ['no cells', []],
    ['empty strings', ['', '', '', '']],
    ['whitespace', ['  ', '\t', ' ', '']],
    ['nulls', [null, null, null, null]],
  ])('skips a row of %s', (_, cells) => {
    expect(readRow(cells, phoneGroupName)).toBe(EMPTY_ROW);
  });

  it('trims the name and keeps every other column in extra, keyed by header', () => {
    const reading = readRow(['+5511999999999', '', '  Ana Souza \t', ' São Paulo '], phoneGroupName);
    expect(reading !== EMPTY_ROW && reading.ok && reading.value).toEqual({
      destination: { kind: 'PHONE', value: '+5511999999999' },
      name: 'Ana Souza',
      extra: { Cidade: 'São Paulo' },
    });
  });

  it('writes non-text cells the way a CSV export would', () => {
    const layout = layoutOf(['phone', 'name', 'born', 'seen', 'vip', 'score']);
    const cells: Cell[] = ['+5511999999999', 42, new Date(Date.UTC(1990, 0, 2)), new Date(Date.UTC(2024, 4, 6, 7, 8, 9)), true, 9.5];
    const reading = readRow(cells, layout);
    expect(reading !== EMPTY_ROW && reading.ok && [reading.value.name, reading.value.extra]).toEqual([
      '42',
      { born: '1990-01-02', seen: '2024-05-06T07:08:09.000Z', vip: 'TRUE', score: '9.5' },
    ]);
  });

  it('keeps cells beyond the header under a free column name, and skips blank untitled ones', () => {
    const layout = layoutOf(['phone', '', 'column 4']);
    const reading = readRow(['+5511999999999', '', 'x', 'beyond', '', 'far'], layout);
    expect(reading !== EMPTY_ROW && reading.ok && reading.value.extra).toEqual({ 'column 4': 'x', 'column 4 (2)': 'beyond', 'column 6': 'far' });
  });

  it('makes a `__proto__` header an own key, not a prototype', () => {
    const reading = readRow(['+5511999999999', 'x'], layoutOf(['phone', '__proto__']));
    const extra = reading !== EMPTY_ROW && reading.ok ? reading.value.extra : {};
    expect(Object.getPrototypeOf(extra)).toBe(Object.prototype);
    expect(Object.keys(extra)).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(extra, '__proto__')?.value).toBe('x');
  });
});

describe('rows in a file', () => {
  it('numbers rows as a spreadsheet does, skips empty rows silently and never stops at a bad row', async () => {
    const csv = [
      'Nome,Telefone,Grupo', // row 1
      'Ana,+55 11 99999-9999,', // 2
      ',,', // 3: empty
      'Bruno,abc,', // 4: bad phone
      '', // 5: blank line
      'Equipe,,120363025246125486@g.us', // 6
      'Caio,,Clientes', // 7: group without @g.us
      'Dora,,', // 8: nothing usable
      'Eva,+55 21 98765-4321,', // 9
    ].join('\n');
    const { outcomes } = await collect(csv);
    expect(brief(outcomes)).toEqual([
      '2 PHONE +5511999999999 "Ana"',
      '4 ! Telefone:phone.invalid_characters',
      '6 GROUP 120363025246125486@g.us "Equipe"',
      '7 ! Grupo:import.group_format',
      '8 ! Telefone:required',
      '9 PHONE +5521987654321 "Eva"',
    ]);
  });

  it('counts blank lines above the header as rows', async () => {
    const { outcomes } = await collect('\n\nphone\n+5511999999999\n');
    expect(outcomes.map((o) => o.row)).toEqual([4]);
  });

  it('counts a quoted field spanning lines as one row', async () => {
    const { outcomes } = await collect('phone,note\n+5511999999999,"two\nlines"\nabc,x\n');
    expect(brief(outcomes)).toEqual(['2 PHONE +5511999999999 ""', '3 ! phone:phone.invalid_characters']);
  });

  it('imports a header-only file as no contacts', async () => {
    const { outcomes, summary } = await collect('phone;name\n');
    expect(outcomes).toEqual([]);
    expect(summary.columns).toEqual({ phone: 'phone', group: null, name: 'name' });
  });
});
