import { xlsx } from '../import/helpers';
import { DEMO, startTestSandbox, type TestSandbox } from './harness';
import { reset } from './ryze-helpers';

/** The PilotStatus dashboard's label operations, as the sandbox exposes them under /_sandbox/labels. */

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());
beforeEach(() => reset(t));

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Contact {
  destination: string;
  kind: 'PHONE' | 'GROUP';
  name: string;
  expiresAt: string | null;
}

const newLabel = async (name: string, query = ''): Promise<string> => {
  const created = await t.http('POST', `/_sandbox/labels${query}`, { body: { name } });
  if (created.status !== 201) throw new Error(`label not created: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.label.id;
};

const importCsv = (labelId: string, lines: string[], query = '') =>
  t.http('POST', `/_sandbox/labels/${labelId}/import${query}`, { raw: Buffer.from(lines.join('\r\n'), 'utf8'), contentType: 'text/csv' });

const contacts = async (labelId: string): Promise<Contact[]> => {
  const listed = await t.http('GET', `/_sandbox/labels/${labelId}/contacts`);
  if (listed.status !== 200) throw new Error(`contacts not listed: ${listed.status}`);
  return listed.body.contacts;
};

const names = async (labelId: string) => Object.fromEntries((await contacts(labelId)).map((c) => [c.destination, c.name]));

const contactPath = (labelId: string, destination: string) => `/_sandbox/labels/${labelId}/contacts/${encodeURIComponent(destination)}`;

describe('labels', () => {
  it('lists the tenant labels with their contact counts', async () => {
    const listed = await t.http('GET', '/_sandbox/labels');
    expect(listed.status).toBe(200);
    expect(listed.body.labels).toEqual([expect.objectContaining({ id: 'lbl_customers', name: 'customers', contacts: 0 })]);

    await importCsv('lbl_customers', ['phone', '+5511911112222', '+5511933334444']);
    expect((await t.http('GET', '/_sandbox/labels')).body.labels[0].contacts).toBe(2);
  });

  it('creating is an upsert by name: tidied, case-insensitive', async () => {
    const first = await t.http('POST', '/_sandbox/labels', { body: { name: '  VIP   clients ' } });
    expect(first).toMatchObject({ status: 201, body: { created: true, label: { name: 'VIP clients' } } });
    const again = await t.http('POST', '/_sandbox/labels', { body: { name: 'vip CLIENTS' } });
    expect(again).toMatchObject({ status: 200, body: { created: false, label: { id: first.body.label.id, name: 'VIP clients' } } });
    expect((await t.http('GET', '/_sandbox/labels')).body.labels).toHaveLength(2);
  });

  it('refuses a blank or missing name with the issue', async () => {
    for (const body of [{ name: '   ' }, {}, { name: 7 }]) {
      const refused = await t.http('POST', '/_sandbox/labels', { body });
      expect(refused.status).toBe(400);
      expect(refused.body.issues[0].field).toBe('name');
    }
  });

  it('another tenant with ?tenantId=, apart from the demo one; an unknown tenant is 404', async () => {
    t.sandbox.context.db.run("INSERT INTO tenants (id, name) VALUES ('tn_other', 'Other')");
    const id = await newLabel('customers', '?tenantId=tn_other');
    expect(id).not.toBe('lbl_customers');
    expect((await t.http('GET', '/_sandbox/labels?tenantId=tn_other')).body.labels.map((l: { id: string }) => l.id)).toEqual([id]);
    // Another tenant's label is not reachable from the demo tenant.
    expect((await t.http('GET', `/_sandbox/labels/${id}/contacts`)).status).toBe(404);
    expect((await t.http('GET', '/_sandbox/labels?tenantId=tn_missing')).status).toBe(404);
  });

  it('404 for a label the tenant does not have', async () => {
    expect((await t.http('GET', '/_sandbox/labels/lbl_nope/contacts')).body.error).toBe('LABEL_NOT_FOUND');
  });
});

describe('import', () => {
  it('a CSV: contacts (phones and groups), per-row failures with row numbers, duplicates with name fill', async () => {
    const label = await newLabel('Imported');
    const answer = await importCsv(label, [
      'Name,Phone,Group,City', //                                 row 1
      'Ana Souza,+55 11 98888-7777,,São Paulo', //                 row 2
      'Short,+12345,,Rio', //                                     row 3: too short
      'Store team,,120363025246125486@g.us,', //                  row 4: a group
      ',+5521987654321,,', //                                     row 5: no name yet
      'Bruno Lima,5521987654321,,', //                            row 6: repeats row 5, names it
      'Ana again,(11) 98888-7777,,', //                           row 7: no country code
      ',,,Nowhere', //                                            row 8: no destination
      'Ana twice,+5511988887777,,', //                            row 9: repeats row 2
    ]);

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ imported: 3, nameFilled: 0, unchanged: 0, columns: { phone: 'Phone', group: 'Group', name: 'Name' } });
    expect(answer.body.failed.map((f: { row: number; issues: { field: string; rule: string }[] }) => [f.row, f.issues.map((i) => `${i.field}:${i.rule}`)])).toEqual([
      [3, ['Phone:phone.too_short']],
      [7, ['Phone:phone.missing_country_code']],
      [8, ['Phone:required']],
    ]);
    expect(answer.body.duplicates).toEqual([
      expect.objectContaining({ row: 6, duplicateOf: 5, filledName: 'Bruno Lima' }),
      expect.objectContaining({ row: 9, duplicateOf: 2 }),
    ]);
    expect(answer.body.duplicates[1]).not.toHaveProperty('filledName');

    const stored = await contacts(label);
    expect(stored).toHaveLength(3);
    expect(stored).toEqual(
      expect.arrayContaining([
        { destination: '+5511988887777', kind: 'PHONE', name: 'Ana Souza', expiresAt: null },
        { destination: '120363025246125486@g.us', kind: 'GROUP', name: 'Store team', expiresAt: null },
        { destination: '+5521987654321', kind: 'PHONE', name: 'Bruno Lima', expiresAt: null },
      ]),
    );
  });

  it('?defaultCountry=BR reads national numbers', async () => {
    const label = await newLabel('Brazil');
    const answer = await importCsv(label, ['telefone;nome', '(11) 98888-7777;Ana', '21 98765-4321;Bruno'], '?defaultCountry=BR');
    expect(answer.body).toMatchObject({ imported: 2, failed: [] });
    expect(await names(label)).toEqual({ '+5511988887777': 'Ana', '+5521987654321': 'Bruno' });
  });

  it('an XLSX built in the test: number cells, text cells, a bad row, row numbers as the sheet shows them', async () => {
    const label = await newLabel('From Excel');
    const file = await xlsx([
      [{ value: 'Nome' }, { value: 'Celular' }, { value: 'Grupo' }],
      [{ value: 'Carla' }, { value: 5511977776666 }, null],
      [{ value: 'Dani' }, { value: '+55 21 96666-5555' }, null],
      [{ value: 'Team' }, null, { value: '120363025246125486@g.us' }],
      [{ value: 'Bad' }, { value: 123 }, null],
      [{ value: 'Carla copy' }, { value: '5511977776666' }, null],
    ]);
    const answer = await t.http('POST', `/_sandbox/labels/${label}/import`, { raw: Buffer.from(file), contentType: XLSX_TYPE });

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ imported: 3, columns: { phone: 'Celular', group: 'Grupo', name: 'Nome' } });
    expect(answer.body.failed.map((f: { row: number }) => f.row)).toEqual([5]);
    expect(answer.body.duplicates).toEqual([expect.objectContaining({ row: 6, duplicateOf: 2 })]);
    expect(await names(label)).toEqual({ '+5511977776666': 'Carla', '+5521966665555': 'Dani', '120363025246125486@g.us': 'Team' });
  });

  it('fills a name that is empty in the label, keeps one that is not, and adds the new contacts', async () => {
    const label = await newLabel('Twice');
    await importCsv(label, ['name,phone', ',+5511911112222', 'Keep Me,+5511933334444']);

    const second = await importCsv(label, ['name,phone', 'Filled,+5511911112222', 'Overwrite?,+5511933334444', 'New,+5511955556666', ',+5511977778888']);

    expect(second.body).toMatchObject({ imported: 2, nameFilled: 1, unchanged: 1, failed: [], duplicates: [] });
    expect(await names(label)).toEqual({ '+5511911112222': 'Filled', '+5511933334444': 'Keep Me', '+5511955556666': 'New', '+5511977778888': '' });
  });

  it('octet-stream works too, and the same file again changes nothing', async () => {
    const label = await newLabel('Bytes');
    const body = { raw: Buffer.from('phone\n+5511911112222\n'), contentType: 'application/octet-stream' };
    expect((await t.http('POST', `/_sandbox/labels/${label}/import`, body)).body).toMatchObject({ imported: 1 });
    expect((await t.http('POST', `/_sandbox/labels/${label}/import`, body)).body).toMatchObject({ imported: 0, unchanged: 1 });
  });

  it('a file it cannot read is refused whole with a 400 and its issues, and links nothing', async () => {
    const label = await newLabel('Refused');
    const noPhoneColumn = await importCsv(label, ['name,city', 'Ana,Rio']);
    expect(noPhoneColumn).toMatchObject({ status: 400, body: { error: 'INVALID_FILE' } });
    expect(noPhoneColumn.body.issues.map((i: { field: string }) => i.field)).toEqual(['file']);

    const empty = await t.http('POST', `/_sandbox/labels/${label}/import`, { raw: Buffer.alloc(0), contentType: 'text/csv' });
    expect(empty).toMatchObject({ status: 400, body: { error: 'INVALID_FILE' } });

    // A CSV broken after good rows: nothing of it is linked.
    const broken = await importCsv(label, ['phone,name', '+5511911112222,Ana', '+5511933334444,"Bruno', '+5511955556666,Carla']);
    expect(broken.status).toBe(400);
    expect(broken.body.issues[0].field).toBe('file');

    const badCountry = await importCsv(label, ['phone', '11988887777'], '?defaultCountry=ZZ');
    expect(badCountry).toMatchObject({ status: 400 });
    expect(badCountry.body.issues[0].field).toBe('defaultCountry');

    const json = await t.http('POST', `/_sandbox/labels/${label}/import`, { body: { phone: '+5511911112222' } });
    expect(json).toMatchObject({ status: 400, body: { error: 'IMPORT_BODY_REQUIRED' } });

    expect(await contacts(label)).toEqual([]);
  });

  it('404 for an unknown label, reading nothing', async () => {
    expect((await importCsv('lbl_nope', ['phone', '+5511911112222'])).status).toBe(404);
  });
});

describe('edit a contact', () => {
  let label: string;
  beforeEach(async () => {
    label = await newLabel('Editable');
    await importCsv(label, ['name,phone,group', 'Ana,+5511988887777,', 'Bruno,+5521987654321,', 'Team,,120363025246125486@g.us']);
  });

  it('renames, the path naming the contact in any notation', async () => {
    const renamed = await t.http('PATCH', contactPath(label, '5511988887777@s.whatsapp.net'), { body: { name: '  Ana Souza ' } });
    expect(renamed).toMatchObject({ status: 200, body: { contact: { destination: '+5511988887777', name: 'Ana Souza' } } });
    expect((await names(label))['+5511988887777']).toBe('Ana Souza');
  });

  it('moves a contact to a new destination, keeping its name', async () => {
    const moved = await t.http('PATCH', contactPath(label, '+5511988887777'), { body: { destination: '+55 11 97777-0000' } });
    expect(moved).toMatchObject({ status: 200, body: { contact: { destination: '+5511977770000', name: 'Ana' } } });
    expect((await t.http('PATCH', contactPath(label, '+5511988887777'), { body: { name: 'x' } })).status).toBe(404);
    expect(await names(label)).toEqual({ '+5511977770000': 'Ana', '+5521987654321': 'Bruno', '120363025246125486@g.us': 'Team' });
  });

  it('409 when the new destination is already in the label; nothing changes', async () => {
    const before = await contacts(label);
    const conflict = await t.http('PATCH', contactPath(label, '+5511988887777'), { body: { destination: '5521987654321@c.us', name: 'Merged' } });
    expect(conflict).toMatchObject({ status: 409, body: { error: 'DESTINATION_ALREADY_IN_LABEL' } });
    expect(await contacts(label)).toEqual(before);
  });

  it('refuses an empty change, a destination it cannot read, and a channel', async () => {
    expect((await t.http('PATCH', contactPath(label, '+5511988887777'), { body: {} })).status).toBe(400);
    expect((await t.http('PATCH', contactPath(label, '+5511988887777'), { body: { destination: '12' } })).body.error).toBe('INVALID_DESTINATION');
    expect((await t.http('PATCH', contactPath(label, '+5511988887777'), { body: { destination: '120363000000000001@newsletter' } })).body.issues[0].rule).toBe(
      'destination.channel',
    );
    expect((await t.http('PATCH', contactPath(label, 'not-a-phone'), { body: { name: 'x' } })).status).toBe(400);
    expect((await t.http('PATCH', contactPath(label, '+5531999990000'), { body: { name: 'x' } })).body.error).toBe('CONTACT_NOT_FOUND');
  });
});

describe('copy a contact to another label', () => {
  let source: string;
  let target: string;
  beforeEach(async () => {
    source = await newLabel('Source');
    target = await newLabel('Target');
    await importCsv(source, ['name,phone,group', 'Ana Souza,+5511988887777,', ',+5521987654321,', 'Ay,+5531999990000,', 'Team,,120363025246125486@g.us']);
    await importCsv(target, ['name,phone', ',+5511988887777', 'Bee,+5531999990000']);
  });

  const copy = (destination: string, toLabelId: string) => t.http('POST', `${contactPath(source, destination)}/copy`, { body: { toLabelId } });

  it('deduplicates by destination and fills the target name only when it is empty', async () => {
    const filled = await copy('+5511988887777', target);
    expect(filled).toMatchObject({ status: 200, body: { action: 'update', contact: { destination: '+5511988887777', name: 'Ana Souza' } } });
    const kept = await copy('+5531999990000', target);
    expect(kept).toMatchObject({ status: 200, body: { action: 'none', contact: { name: 'Bee' } } });
    expect((await copy('+5511988887777', target)).body.action).toBe('none');

    expect(await contacts(target)).toHaveLength(2);
    expect(await names(target)).toEqual({ '+5511988887777': 'Ana Souza', '+5531999990000': 'Bee' });
  });

  it('adds a contact the target lacks, with the name it has (empty included), groups too', async () => {
    expect(await copy('+5521987654321', target)).toMatchObject({ status: 201, body: { action: 'insert', contact: { name: '' } } });
    expect(await copy('120363025246125486@g.us', target)).toMatchObject({ status: 201, body: { contact: { kind: 'GROUP', name: 'Team' } } });
    expect(await names(target)).toEqual({ '+5511988887777': '', '+5531999990000': 'Bee', '+5521987654321': '', '120363025246125486@g.us': 'Team' });
    // The source is untouched.
    expect(await contacts(source)).toHaveLength(4);
  });

  it('404 for a target label that is not the tenant\'s and for a contact the source lacks; 400 without a target', async () => {
    expect((await copy('+5511988887777', 'lbl_nope')).body.error).toBe('LABEL_NOT_FOUND');
    expect((await copy('+5599999990000', target)).body.error).toBe('CONTACT_NOT_FOUND');
    expect((await t.http('POST', `${contactPath(source, '+5511988887777')}/copy`, { body: {} })).status).toBe(400);
    expect(await contacts(target)).toHaveLength(2);
  });
});

it('the demo tenant is the default', async () => {
  expect((await t.http('GET', `/_sandbox/labels?tenantId=${DEMO.tenantId}`)).body).toEqual((await t.http('GET', '/_sandbox/labels')).body);
});
