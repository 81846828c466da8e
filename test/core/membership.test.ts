import type { Destination } from '../../shared/destinations';
import {
  activeLinks,
  applyLinkDecision,
  decideCopy,
  decideDashboardLink,
  decideEdit,
  decideSendLink,
  findLabel,
  findLink,
  retentionPolicy,
  upsertLabel,
  type IncomingLink,
  type Label,
  type LabelLink,
  type LinkDecision,
} from '../../shared/labels';

const PHONE: Destination = { kind: 'PHONE', value: '+5511999999999' };
const OTHER_PHONE: Destination = { kind: 'PHONE', value: '+5521987654321' };
const GROUP: Destination = { kind: 'GROUP', value: '120363025246125486@g.us' };

const NOW = new Date('2026-07-04T12:00:00.000Z');
const EARLIER = '2026-07-10T00:00:00.000Z';
const IN_30_DAYS = '2026-08-03T12:00:00.000Z';
const LATER = '2027-01-01T00:00:00.000Z';
const POLICY_30 = retentionPolicy(30);
const POLICY_0 = retentionPolicy(0);

const link = (overrides: Partial<LabelLink> = {}): LabelLink => ({ labelId: 'L1', destination: PHONE, name: '', expiresAt: IN_30_DAYS, ...overrides });

describe('upsertLabel / findLabel: by name, trimmed, case-insensitive', () => {
  const labels: Label[] = [
    { id: '1', name: 'VIP' },
    { id: '2', name: 'Key Account' },
  ];

  it.each<[string, string]>([
    ['same spelling', 'VIP'],
    ['other case', 'vip'],
    ['padding', '  Vip  '],
  ])('finds the existing label: %s', (_name, name) => {
    const newId = jest.fn(() => 'new');
    const result = upsertLabel(labels, name, newId);
    expect(result.created).toBe(false);
    expect(result.label).toBe(labels[0]);
    expect(result.labels).toEqual(labels);
    expect(newId).not.toHaveBeenCalled();
  });

  it('inner whitespace does not make another label', () => {
    const result = upsertLabel(labels, 'key   account', () => 'new');
    expect(result).toMatchObject({ created: false, label: { id: '2' } });
  });

  it('creates a new label with the tidied spelling given', () => {
    const result = upsertLabel(labels, '  New   Customers ', () => '3');
    expect(result.created).toBe(true);
    expect(result.label).toEqual({ id: '3', name: 'New Customers' });
    expect(result.labels).toEqual([...labels, { id: '3', name: 'New Customers' }]);
  });

  it('does not mutate the list it was given', () => {
    const copy = [...labels];
    upsertLabel(labels, 'other', () => '9');
    expect(labels).toEqual(copy);
  });

  it('upserting twice creates one label', () => {
    let next = 10;
    const first = upsertLabel([], 'Leads', () => String(next++));
    const second = upsertLabel(first.labels, 'LEADS', () => String(next++));
    expect(second.created).toBe(false);
    expect(second.labels).toEqual([{ id: '10', name: 'Leads' }]);
  });

  it('findLabel returns undefined when no name matches', () => {
    expect(findLabel(labels, 'VIPs')).toBeUndefined();
    expect(findLabel(labels, 'vip')?.id).toBe('1');
  });
});

describe('decideSendLink (a send through the public API)', () => {
  it.each<[string, LabelLink | undefined, IncomingLink, LinkDecision]>([
    [
      'no row yet → insert, name trimmed, expiry = now + retention',
      undefined,
      { labelId: 'L1', destination: PHONE, name: '  Ana  ' },
      { action: 'insert', link: { labelId: 'L1', destination: PHONE, name: 'Ana', expiresAt: IN_30_DAYS } },
    ],
    [
      'no row, no name → insert with an empty name',
      undefined,
      { labelId: 'L1', destination: GROUP },
      { action: 'insert', link: { labelId: 'L1', destination: GROUP, name: '', expiresAt: IN_30_DAYS } },
    ],
    ['empty stored name is filled', link({ name: '' }), { labelId: 'L1', destination: PHONE, name: 'Ana' }, { action: 'update', name: 'Ana' }],
    ['blank stored name counts as empty', link({ name: '  ' }), { labelId: 'L1', destination: PHONE, name: ' Ana ' }, { action: 'update', name: 'Ana' }],
    ['non-empty stored name is kept', link({ name: 'Bia' }), { labelId: 'L1', destination: PHONE, name: 'Ana' }, { action: 'none', reason: 'unchanged' }],
    ['blank incoming name fills nothing', link({ name: '' }), { labelId: 'L1', destination: PHONE, name: '   ' }, { action: 'none', reason: 'unchanged' }],
    ['earlier expiry is extended', link({ name: 'Bia', expiresAt: EARLIER }), { labelId: 'L1', destination: PHONE, name: 'Ana' }, { action: 'update', expiresAt: IN_30_DAYS }],
    ['fill and extend together', link({ name: '', expiresAt: EARLIER }), { labelId: 'L1', destination: PHONE, name: 'Ana' }, { action: 'update', name: 'Ana', expiresAt: IN_30_DAYS }],
    ['later expiry is never shortened', link({ expiresAt: LATER }), { labelId: 'L1', destination: PHONE }, { action: 'none', reason: 'unchanged' }],
    ['a row kept until removed (null) stays so', link({ expiresAt: null }), { labelId: 'L1', destination: PHONE }, { action: 'none', reason: 'unchanged' }],
  ])('%s', (_name, existing, incoming, expected) => {
    expect(decideSendLink(existing, incoming, POLICY_30, NOW)).toEqual(expected);
  });

  it('retention 0 → none, with no row, no name fill', () => {
    const incoming: IncomingLink = { labelId: 'L1', destination: PHONE, name: 'Ana' };
    expect(decideSendLink(undefined, incoming, POLICY_0, NOW)).toEqual({ action: 'none', reason: 'not_stored_retention_zero' });
    expect(decideSendLink(link({ name: '' }), incoming, POLICY_0, NOW)).toEqual({ action: 'none', reason: 'not_stored_retention_zero' });
    const stored = applyLinkDecision([], decideSendLink(undefined, incoming, POLICY_0, NOW), incoming);
    expect(stored).toEqual([]);
  });

  it('refuses to compare rows of another destination or label', () => {
    expect(() => decideSendLink(link({ destination: OTHER_PHONE }), { labelId: 'L1', destination: PHONE }, POLICY_30, NOW)).toThrow(RangeError);
    expect(() => decideSendLink(link({ labelId: 'L2' }), { labelId: 'L1', destination: PHONE }, POLICY_30, NOW)).toThrow(RangeError);
  });

  it('the same send twice leaves one row (dedupe by destination)', () => {
    let links: LabelLink[] = [];
    for (const at of [NOW, NOW]) {
      const incoming: IncomingLink = { labelId: 'L1', destination: PHONE, name: 'Ana' };
      links = applyLinkDecision(links, decideSendLink(findLink(links, 'L1', PHONE), incoming, POLICY_30, at), incoming);
    }
    expect(links).toEqual([{ labelId: 'L1', destination: PHONE, name: 'Ana', expiresAt: IN_30_DAYS }]);
  });
});

describe('decideDashboardLink (import, manual add)', () => {
  it('inserts a row kept until removed by default', () => {
    expect(decideDashboardLink(undefined, { labelId: 'L1', destination: GROUP, name: 'Team' })).toEqual({
      action: 'insert',
      link: { labelId: 'L1', destination: GROUP, name: 'Team', expiresAt: null },
    });
  });

  it('import fills an empty name and lifts an expiry to "kept"', () => {
    expect(decideDashboardLink(link({ name: '' }), { labelId: 'L1', destination: PHONE, name: 'Ana' })).toEqual({ action: 'update', name: 'Ana', expiresAt: null });
  });

  it('import keeps a non-empty name', () => {
    expect(decideDashboardLink(link({ name: 'Bia', expiresAt: null }), { labelId: 'L1', destination: PHONE, name: 'Ana' })).toEqual({ action: 'none', reason: 'unchanged' });
  });
});

describe('decideCopy (copy a contact to another label)', () => {
  const source = link({ labelId: 'L1', name: 'Ana', expiresAt: IN_30_DAYS });

  it.each<[string, LabelLink | undefined, LinkDecision]>([
    ['not in the target → insert with the source name and expiry', undefined, { action: 'insert', link: { labelId: 'L2', destination: PHONE, name: 'Ana', expiresAt: IN_30_DAYS } }],
    ['in the target with an empty name → fill it', link({ labelId: 'L2', name: '', expiresAt: null }), { action: 'update', name: 'Ana' }],
    ['in the target with a name → keep it', link({ labelId: 'L2', name: 'Bia', expiresAt: null }), { action: 'none', reason: 'unchanged' }],
    ['in the target with an earlier expiry → extended to the source one', link({ labelId: 'L2', name: 'Bia', expiresAt: EARLIER }), { action: 'update', expiresAt: IN_30_DAYS }],
  ])('%s', (_name, existing, expected) => {
    expect(decideCopy(source, existing, 'L2')).toEqual(expected);
  });

  it('copying twice leaves one row in the target and the source untouched', () => {
    let links: LabelLink[] = [source, link({ labelId: 'L2', destination: OTHER_PHONE, name: 'Caio', expiresAt: null })];
    for (let n = 0; n < 2; n++) {
      const target: IncomingLink = { labelId: 'L2', destination: source.destination };
      links = applyLinkDecision(links, decideCopy(source, findLink(links, 'L2', source.destination), 'L2'), target);
    }
    expect(links).toHaveLength(3);
    expect(links.filter((l) => l.labelId === 'L2' && l.destination.value === PHONE.value)).toEqual([{ ...source, labelId: 'L2' }]);
    expect(links[0]).toEqual(source);
  });

  it('a source without a name does not blank the target name', () => {
    expect(decideCopy(link({ name: '' }), link({ labelId: 'L2', name: 'Bia', expiresAt: null }), 'L2')).toEqual({ action: 'none', reason: 'unchanged' });
  });
});

describe('decideEdit (dashboard edit of name or destination)', () => {
  const current = link({ name: 'Ana' });

  it('renames, trimmed, keeping the destination', () => {
    expect(decideEdit(current, { name: '  Ana Paula ' }, undefined)).toEqual({ action: 'update', name: 'Ana Paula', destination: PHONE });
  });

  it('moves to a destination the label does not hold', () => {
    expect(decideEdit(current, { destination: OTHER_PHONE }, undefined)).toEqual({ action: 'update', name: 'Ana', destination: OTHER_PHONE });
  });

  it('refuses to move onto a destination the label already holds', () => {
    const holder = link({ destination: OTHER_PHONE, name: 'Bia' });
    expect(decideEdit(current, { destination: OTHER_PHONE, name: 'X' }, holder)).toEqual({ action: 'conflict', reason: 'destination_already_in_label' });
  });

  it('"moving" to its own destination is no conflict', () => {
    expect(decideEdit(current, { destination: { kind: 'PHONE', value: '+5511999999999' }, name: 'Ana' }, current)).toEqual({
      action: 'update',
      name: 'Ana',
      destination: PHONE,
    });
  });

  it('an empty change keeps everything', () => {
    expect(decideEdit(current, {}, undefined)).toEqual({ action: 'update', name: 'Ana', destination: PHONE });
  });
});

describe('applyLinkDecision / findLink', () => {
  const rows: LabelLink[] = [link({ labelId: 'L1', name: '' }), link({ labelId: 'L2', name: '' }), link({ labelId: 'L1', destination: GROUP, name: '' })];

  it('insert appends', () => {
    const added = link({ destination: OTHER_PHONE });
    const out = applyLinkDecision(rows, { action: 'insert', link: added }, { labelId: 'L1', destination: OTHER_PHONE });
    expect(out).toEqual([...rows, added]);
  });

  it('none returns an equal new list', () => {
    const out = applyLinkDecision(rows, { action: 'none', reason: 'unchanged' }, { labelId: 'L1', destination: PHONE });
    expect(out).toEqual(rows);
    expect(out).not.toBe(rows);
  });

  it('update touches only the row of that label and destination', () => {
    const out = applyLinkDecision(rows, { action: 'update', name: 'Ana', expiresAt: LATER }, { labelId: 'L1', destination: PHONE });
    expect(out).toEqual([link({ labelId: 'L1', name: 'Ana', expiresAt: LATER }), rows[1], rows[2]]);
    expect(rows[0]!.name).toBe('');
  });

  it('an update without a name keeps the name; expiresAt null is written', () => {
    const out = applyLinkDecision([link({ name: 'Bia' })], { action: 'update', expiresAt: null }, { labelId: 'L1', destination: PHONE });
    expect(out).toEqual([link({ name: 'Bia', expiresAt: null })]);
  });

  it('findLink matches label and canonical destination', () => {
    expect(findLink(rows, 'L1', GROUP)).toBe(rows[2]);
    expect(findLink(rows, 'L2', PHONE)).toBe(rows[1]);
    expect(findLink(rows, 'L2', GROUP)).toBeUndefined();
  });
});

describe('activeLinks', () => {
  it.each<[string, string | null, boolean]>([
    ['kept until removed', null, true],
    ['expires later', LATER, true],
    ['expired earlier', '2026-07-01T00:00:00.000Z', false],
    ['expires exactly now (gone)', NOW.toISOString(), false],
    ['expires one millisecond after now', '2026-07-04T12:00:00.001Z', true],
  ])('%s → %s', (_name, expiresAt, kept) => {
    const row = link({ expiresAt });
    expect(activeLinks([row], NOW)).toEqual(kept ? [row] : []);
  });

  it('a link written under a policy is active until its expiry', () => {
    const decision = decideSendLink(undefined, { labelId: 'L1', destination: PHONE }, retentionPolicy(1), NOW);
    const rows = applyLinkDecision([], decision, { labelId: 'L1', destination: PHONE });
    expect(activeLinks(rows, new Date(NOW.getTime() + 23 * 3600 * 1000))).toHaveLength(1);
    expect(activeLinks(rows, new Date(NOW.getTime() + 25 * 3600 * 1000))).toHaveLength(0);
  });
});
