import { DestinationLog, importContactsFromBuffer } from '../../shared/labels/import';
import { brief, collect } from './helpers';

describe('duplicates inside one file', () => {
  it('reports a repeated destination on the later row, naming the first, and yields the contact once', async () => {
    const csv = ['phone,name', '+5511999999999,Ana', '+55 (11) 99999-9999,Ana Souza', '+5521987654321,Bruno', '5511999999999,'].join('\n');
    const { outcomes } = await collect(csv);
    expect(brief(outcomes)).toEqual([
      '2 PHONE +5511999999999 "Ana"',
      '3 ! phone:import.duplicate',
      '4 PHONE +5521987654321 "Bruno"',
      '5 ! phone:import.duplicate',
    ]);
    const third = outcomes[1];
    expect(third && !third.ok && [third.duplicateOf, third.filledName, third.issues[0]?.message]).toEqual([
      2,
      undefined,
      'phone repeats the destination of row 2: the row is skipped',
    ]);
  });

  it('fills the first row\'s empty name from the first duplicate that has one (the dashboard rule)', async () => {
    const csv = ['phone,name', '+5511999999999,', '+5511999999999,', '+5511999999999,Ana', '+5511999999999,Other'].join('\n');
    const { outcomes } = await collect(csv);
    expect(outcomes.map((o) => (o.ok ? [o.row, 'contact', o.contact.name] : [o.row, o.duplicateOf, o.filledName ?? null]))).toEqual([
      [2, 'contact', ''],
      [3, 2, null],
      [4, 2, 'Ana'],
      [5, 2, null], // the name is no longer empty: kept, as a stored name is
    ]);
    const filling = outcomes[2];
    expect(filling && !filling.ok && filling.issues[0]).toMatchObject({
      field: 'phone',
      rule: 'import.duplicate',
      message: "phone repeats the destination of row 2, which had no name: this row's name was given to it",
    });
  });

  it('treats groups the same way, on the group column', async () => {
    const csv = ['group;name', '120363025246125486@g.us;', '120363025246125486@G.US;Equipe'].join('\n');
    const { outcomes } = await collect(csv);
    expect(outcomes.map((o) => (o.ok ? o.contact.destination.value : [o.issues[0]?.field, o.issues[0]?.rule, o.filledName]))).toEqual([
      '120363025246125486@g.us',
      ['group', 'import.duplicate', 'Equipe'],
    ]);
  });

  it('does not count invalid rows as seen', async () => {
    const { outcomes } = await collect('phone\nabc\nabc\n+5511999999999\n');
    expect(brief(outcomes)).toEqual(['2 ! phone:phone.invalid_characters', '3 ! phone:phone.invalid_characters', '4 PHONE +5511999999999 ""']);
  });

  it('the collected result carries the filled name on the first contact, and the duplicates as failures', async () => {
    const result = await importContactsFromBuffer('phone,name,city\n+5511999999999,,Rio\n+5521987654321,Bruno,\n+5511999999999,Ana,SP\n');
    expect(result.contacts).toEqual([
      { row: 2, destination: { kind: 'PHONE', value: '+5511999999999' }, name: 'Ana', extra: { city: 'Rio' } },
      { row: 3, destination: { kind: 'PHONE', value: '+5521987654321' }, name: 'Bruno', extra: { city: '' } },
    ]);
    expect(result.failures.map((f) => [f.row, f.duplicateOf, f.filledName])).toEqual([[4, 2, 'Ana']]);
  });
});

describe('DestinationLog', () => {
  it('remembers the first row per destination and fills a missing name once', () => {
    const log = new DestinationLog();
    const phone = { kind: 'PHONE', value: '+5511999999999' } as const;
    expect(log.visit(phone, '', 2)).toBeUndefined();
    expect(log.visit({ kind: 'GROUP', value: '120363025246125486@g.us' }, '', 3)).toBeUndefined();
    expect(log.visit(phone, '', 4)).toEqual({ firstRow: 2, fillsName: false });
    expect(log.visit(phone, 'Ana', 5)).toEqual({ firstRow: 2, fillsName: true });
    expect(log.visit(phone, 'Bia', 6)).toEqual({ firstRow: 2, fillsName: false });
  });
});
