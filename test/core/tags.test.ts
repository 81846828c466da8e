import { DEFAULT_TAG_COLOR, TAG_PALETTE, normalizeTagColor, parseTagName, tagNameKey, type TagColorNormalization } from '../../shared/tags';
import { expectIssues } from './parsed';

describe('TAG_PALETTE', () => {
  it('has the 11 documented colors', () => {
    expect(TAG_PALETTE).toHaveLength(11);
  });

  // Hexes from the RyzeAPI "Create label" page (seeds/ryzeapi-create-label.txt).
  it.each<[number, string, string]>([
    [0, '#ff9485', 'Coral Red'],
    [1, '#64c4ff', 'Sky Blue'],
    [2, '#ffd429', 'Golden Yellow'],
    [3, '#dfaef0', 'Light Lilac'],
    [4, '#99b6c1', 'Bluish Gray'],
    [5, '#55ccb3', 'Mint Green'],
    [6, '#ff9dff', 'Pink'],
    [7, '#d3a91d', 'Mustard'],
    [8, '#6d7cce', 'Violet Blue'],
    [9, '#d7e752', 'Lime Green'],
    [10, '#00d0e2', 'Cyan'],
  ])('index %i is %s (%s)', (index, hex, name) => {
    expect(TAG_PALETTE[index]).toEqual({ color: index, hex, name });
  });

  it('hexes and names are unique', () => {
    expect(new Set(TAG_PALETTE.map((e) => e.hex)).size).toBe(11);
    expect(new Set(TAG_PALETTE.map((e) => e.name.toLowerCase())).size).toBe(11);
  });

  it('the default color is 0, as RyzeAPI assigns it', () => {
    expect(DEFAULT_TAG_COLOR).toBe(0);
  });
});

describe('normalizeTagColor: recognized inputs', () => {
  it.each<[string, unknown, number]>([
    ['index 0', 0, 0],
    ['index 5', 5, 5],
    ['index 10', 10, 10],
    ['integral float', 5.0, 5],
    ['numeric string', '5', 5],
    ['numeric string with spaces', ' 7 ', 7],
    ['numeric string with a + sign', '+3', 3],
    ['numeric string with .0', '5.0', 5],
    ['numeric string 10', '10', 10],
    ['palette name, lower case', 'mint green', 5],
    ['palette name, upper case', 'MINT GREEN', 5],
    ['palette name, title case', 'Mint Green', 5],
    ['palette name with underscore', 'mint_green', 5],
    ['palette name with dash', 'violet-blue', 8],
    ['palette name without space', 'skyblue', 1],
    ['palette name with padding', '  Cyan  ', 10],
    ['one-word name', 'pink', 6],
    ['hex, lower case', '#55ccb3', 5],
    ['hex, upper case', '#55CCB3', 5],
    ['hex of color 0', '#ff9485', 0],
    ['hex of color 10', '#00D0E2', 10],
    ['palette hex without #', '55ccb3', 5],
  ])('%s: %j → %i', (_name, input, color) => {
    const result = normalizeTagColor(input);
    expect(result).toEqual({ ...TAG_PALETTE[color], normalized: false });
    expect(result).not.toHaveProperty('reason');
  });
});

describe('normalizeTagColor: falls back to 0 like RyzeAPI, saying why', () => {
  it.each<[string, unknown, TagColorNormalization]>([
    ['undefined', undefined, 'missing'],
    ['null', null, 'missing'],
    ['empty string', '', 'missing'],
    ['blank string', '   ', 'missing'],
    ['11', 11, 'out_of_range'],
    ['-1', -1, 'out_of_range'],
    ['"11"', '11', 'out_of_range'],
    ['"-1"', '-1', 'out_of_range'],
    ['1000', 1000, 'out_of_range'],
    ['2.5', 2.5, 'not_an_integer'],
    ['"2.5"', '2.5', 'not_an_integer'],
    ['0.1', 0.1, 'not_an_integer'],
    ['purple', 'purple', 'unrecognized'],
    ['hex not in the palette', '#123456', 'unrecognized'],
    ['exponent notation', '1e1', 'unrecognized'],
    ['NaN', Number.NaN, 'unrecognized'],
    ['Infinity', Number.POSITIVE_INFINITY, 'unrecognized'],
    ['boolean', true, 'unrecognized'],
    ['object', { color: 5 }, 'unrecognized'],
    ['list', [5], 'unrecognized'],
  ])('%s → 0 (%s)', (_name, input, reason) => {
    expect(normalizeTagColor(input)).toEqual({ ...TAG_PALETTE[0], normalized: true, reason });
  });
});

describe('parseTagName', () => {
  it.each<[string, string, string]>([
    ['plain', 'VIP', 'VIP'],
    ['trimmed like RyzeAPI TrimSpace', '  VIP \n', 'VIP'],
    ['inner spaces kept (RyzeAPI only trims)', 'Key  Account', 'Key  Account'],
  ])('%s: %j → %j', (_name, input, expected) => {
    expect(parseTagName(input)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, unknown, string]>([
    ['empty', '', 'tag.empty'],
    ['blank', ' \t ', 'tag.empty'],
    ['null', null, 'required'],
    ['undefined', undefined, 'required'],
    ['number', 3, 'tag.type'],
    ['object', { name: 'VIP' }, 'tag.type'],
  ])('%s → %s', (_name, input, rule) => {
    expectIssues(parseTagName(input, 'tagName'), [['tagName', rule]]);
  });

  it('the default field is "name"', () => {
    const [i] = expectIssues(parseTagName(''), [['name', 'tag.empty']]);
    expect(i!.message).toMatch(/^name must not be empty/);
  });

  it('tagNameKey: trimmed, case-insensitive', () => {
    expect(tagNameKey('  VIP ')).toBe('vip');
    expect(tagNameKey('Vip')).toBe(tagNameKey('vIP'));
    expect(tagNameKey('a b')).not.toBe(tagNameKey('ab'));
  });
});
