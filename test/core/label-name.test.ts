import {
  LABELS_PER_MESSAGE_MAX,
  LABEL_NAME_MAX_LENGTH,
  labelKey,
  parseLabelList,
  parseLabelName,
  tidyLabelName,
} from '../../shared/labels';
import { expectIssues } from './parsed';

describe('parseLabelName', () => {
  it.each<[string, string, string]>([
    ['plain', 'vip', 'vip'],
    ['trimmed', '  vip  ', 'vip'],
    ['inner spaces collapsed', 'key   account', 'key account'],
    ['tabs and newlines collapsed', '\tkey\n\n account \r\n', 'key account'],
    ['no-break spaces collapsed', 'key\u00A0\u00A0account', 'key account'],
    ['case kept', 'VIP Customers', 'VIP Customers'],
    ['accents kept, composed to NFC', 'cafe\u0301', 'caf\u00e9'],
    ['emoji kept', '⭐ vip', '⭐ vip'],
    ['exactly the maximum length', 'x'.repeat(LABEL_NAME_MAX_LENGTH), 'x'.repeat(LABEL_NAME_MAX_LENGTH)],
    ['maximum length counted in characters, not UTF-16 units', '😀'.repeat(LABEL_NAME_MAX_LENGTH), '😀'.repeat(LABEL_NAME_MAX_LENGTH)],
    ['maximum length after trimming', `  ${'x'.repeat(LABEL_NAME_MAX_LENGTH)}  `, 'x'.repeat(LABEL_NAME_MAX_LENGTH)],
  ])('%s: %j → %j', (_name, input, expected) => {
    expect(parseLabelName(input)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, unknown, string]>([
    ['empty', '', 'label.empty'],
    ['blank', '   ', 'label.empty'],
    ['only newlines and tabs', '\n\t\r', 'label.empty'],
    ['one character too long', 'x'.repeat(LABEL_NAME_MAX_LENGTH + 1), 'label.too_long'],
    ['one emoji too long', '😀'.repeat(LABEL_NAME_MAX_LENGTH + 1), 'label.too_long'],
    ['null', null, 'required'],
    ['undefined', undefined, 'required'],
    ['number', 42, 'label.type'],
    ['boolean', true, 'label.type'],
    ['object', { name: 'vip' }, 'label.type'],
    ['list', ['vip'], 'label.type'],
  ])('%s → %s', (_name, input, rule) => {
    expectIssues(parseLabelName(input, 'label'), [['label', rule]]);
  });

  it('the too-long message states the limit', () => {
    const [i] = expectIssues(parseLabelName('x'.repeat(LABEL_NAME_MAX_LENGTH + 1), 'labelName'), [['labelName', 'label.too_long']]);
    expect(i!.message).toBe(`labelName is longer than ${LABEL_NAME_MAX_LENGTH} characters`);
  });

  it('the type message names the type, not the value', () => {
    const [i] = expectIssues(parseLabelName(5511999999999, 'label'), [['label', 'label.type']]);
    expect(i!.message).toBe('label must be text, got a number');
  });

  it('limits are the documented pack limits', () => {
    expect(LABEL_NAME_MAX_LENGTH).toBe(100);
    expect(LABELS_PER_MESSAGE_MAX).toBe(20);
  });
});

describe('labelKey / tidyLabelName', () => {
  it.each<[string, string]>([
    ['VIP', 'vip'],
    ['  Key   Account ', 'key account'],
    ['CAFE\u0301', 'caf\u00e9'],
  ])('labelKey(%j) = %j', (name, key) => {
    expect(labelKey(name)).toBe(key);
  });

  it('tidyLabelName does not change case', () => {
    expect(tidyLabelName('  Key \n Account ')).toBe('Key Account');
  });
});

describe('parseLabelList', () => {
  it.each<[string, unknown, string[]]>([
    ['array', ['vip', 'customers'], ['vip', 'customers']],
    ['comma string', 'vip, customers', ['vip', 'customers']],
    ['comma string without spaces', 'vip,customers', ['vip', 'customers']],
    ['entries are tidied', ['  vip ', 'key   account'], ['vip', 'key account']],
    ['trailing comma skipped', 'vip, customers,', ['vip', 'customers']],
    ['blank entries skipped', 'vip, , ,customers', ['vip', 'customers']],
    ['blank array entries skipped', ['', ' ', 'vip', '\t'], ['vip']],
    ['case-insensitive dedupe keeps the first spelling', ['VIP', 'vip', 'Vip'], ['VIP']],
    ['dedupe in a comma string', 'Customers, vip, CUSTOMERS, VIP', ['Customers', 'vip']],
    ['dedupe after whitespace collapse', ['key account', 'Key   Account'], ['key account']],
    ['dedupe across Unicode compositions', ['cafe\u0301', 'CAF\u00c9'], ['caf\u00e9']],
    ['order of first occurrence kept', ['b', 'a', 'B', 'c', 'A'], ['b', 'a', 'c']],
    ['a comma in a list entry separates labels too', ['a, b', 'c'], ['a', 'b', 'c']],
    ['one name', 'vip', ['vip']],
    ['undefined → none', undefined, []],
    ['null → none', null, []],
    ['empty string → none', '', []],
    ['only commas → none', ', ,,', []],
    ['empty array → none', [], []],
    ['exactly the maximum', Array.from({ length: LABELS_PER_MESSAGE_MAX }, (_, i) => `l${i}`), Array.from({ length: LABELS_PER_MESSAGE_MAX }, (_, i) => `l${i}`)],
    ['over the maximum before dedupe, at it after', [...Array.from({ length: LABELS_PER_MESSAGE_MAX }, (_, i) => `l${i}`), 'L0', 'L1'], Array.from({ length: LABELS_PER_MESSAGE_MAX }, (_, i) => `l${i}`)],
  ])('%s', (_name, input, expected) => {
    expect(parseLabelList(input)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, unknown, Array<[string, string]>]>([
    ['one bad entry: its index in the field path', ['vip', 'ok', 42], [['labels.2', 'label.type']]],
    ['index counts blank entries too', ['vip', '', null], [['labels.2', 'required']]],
    ['every bad entry is reported', [1, 'vip', { a: 1 }, 'x'.repeat(LABEL_NAME_MAX_LENGTH + 1)], [['labels.0', 'label.type'], ['labels.2', 'label.type'], ['labels.3', 'label.too_long']]],
    ['too long in a comma string', `vip, ${'x'.repeat(LABEL_NAME_MAX_LENGTH + 1)}`, [['labels.1', 'label.too_long']]],
    ['too many', Array.from({ length: LABELS_PER_MESSAGE_MAX + 1 }, (_, i) => `l${i}`), [['labels', 'labels.too_many']]],
    ['too many in a comma string', Array.from({ length: LABELS_PER_MESSAGE_MAX + 1 }, (_, i) => `l${i}`).join(','), [['labels', 'labels.too_many']]],
    ['number', 5, [['labels', 'labels.type']]],
    ['object', { vip: true }, [['labels', 'labels.type']]],
    ['boolean', true, [['labels', 'labels.type']]],
  ])('%s', (_name, input, expected) => {
    expectIssues(parseLabelList(input, 'labels'), expected);
  });

  it('too many: the message gives the count and the limit', () => {
    const [i] = expectIssues(parseLabelList(Array.from({ length: 25 }, (_, n) => `l${n}`), 'tags'), [['tags', 'labels.too_many']]);
    expect(i!.message).toBe(`tags has 25 labels, at most ${LABELS_PER_MESSAGE_MAX} are allowed`);
  });

  it('entry paths follow a custom field', () => {
    expectIssues(parseLabelList(['ok', 7], 'message.labels'), [['message.labels.1', 'label.type']]);
  });
});
