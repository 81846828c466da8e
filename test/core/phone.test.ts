import { E164_PATTERN, parsePhone } from '../../shared/destinations';
import { expectIssues, valueOf } from './parsed';

describe('parsePhone: what people type becomes E.164', () => {
  it.each<[string, string, string]>([
    ['already E.164', '+5511999999999', '+5511999999999'],
    ['spaces and a dash', '+55 11 99999-9999', '+5511999999999'],
    ['parentheses around the area code', '+55 (11) 99999-9999', '+5511999999999'],
    ['dots', '+55.11.99999.9999', '+5511999999999'],
    ['dashes only', '+55-11-99999-9999', '+5511999999999'],
    ['leading 00 instead of +', '0055 11 99999 9999', '+5511999999999'],
    ['leading 00 glued to the digits', '005511999999999', '+5511999999999'],
    ['surrounding whitespace, tabs and newlines', '  \t+55 11 99999-9999\n', '+5511999999999'],
    ['no-break spaces', '+55\u00A011\u00A099999\u00A09999', '+5511999999999'],
    ['en dash and minus sign', '+55 11 99999\u20139999', '+5511999999999'],
    ['unicode minus sign', '+55 11 99999\u22129999', '+5511999999999'],
    ['fullwidth digits and plus', '＋５５ １１ ９９９９９-９９９９', '+5511999999999'],
    ['fullwidth parentheses', '+55 （11） 99999-9999', '+5511999999999'],
    ['US with parentheses and dots', '+1 (415) 555.2671', '+14155552671'],
    ['Germany mobile', '+49 151 1234 5678', '+4915112345678'],
    ['Portugal mobile', '+351 912 345 678', '+351912345678'],
    ['plus inside parentheses', '(+55) 11 99999-9999', '+5511999999999'],
  ])('%s: %j → %s', (_name, input, expected) => {
    expect(parsePhone(input)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, string, string]>([
    ['legacy 12-digit Brazilian mobile (no 9th digit)', '+55 11 9999-9999', '+551199999999'],
    ['legacy 12-digit Brazilian, compact', '+551199999999', '+551199999999'],
    ['legacy 12-digit Brazilian from a JID-like digits string', '551188887777', '+551188887777'],
    ['modern 13-digit Brazilian mobile', '+55 11 99999-9999', '+5511999999999'],
    ['modern 13-digit Brazilian, other DDD', '+55 21 98765-4321', '+5521987654321'],
  ])('"possible", not "valid" rules: %s', (_name, input, expected) => {
    expect(parsePhone(input)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, string, string]>([
    ['13-digit Brazilian', '5511999999999', '+5511999999999'],
    ['13-digit Brazilian with separators', '55 11 99999-9999', '+5511999999999'],
    ['12-digit legacy Brazilian', '551199999999', '+551199999999'],
    ['US with its country code 1', '14155552671', '+14155552671'],
    ['German mobile', '4915112345678', '+4915112345678'],
  ])('digits that already carry the country code, without +: %s', (_name, input, expected) => {
    expect(parsePhone(input)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, unknown, string]>([
    ['a safe positive integer', 5511999999999, '+5511999999999'],
    ['a legacy Brazilian integer', 551199999999, '+551199999999'],
  ])('numbers (as spreadsheets give them): %s', (_name, input, expected) => {
    expect(parsePhone(input)).toEqual({ ok: true, value: expected });
  });

  it('every success matches the E.164 pattern', () => {
    expect(E164_PATTERN.test(valueOf(parsePhone('+55 11 99999-9999')))).toBe(true);
    expect(E164_PATTERN.source).toBe('^\\+[1-9]\\d{7,14}$');
  });
});

describe('parsePhone: national numbers need a default country', () => {
  it.each<[string, string, string, string]>([
    ['Brazilian mobile with area code in parentheses', '(11) 99999-9999', 'BR', '+5511999999999'],
    ['Brazilian mobile, bare digits', '11999999999', 'BR', '+5511999999999'],
    ['Brazilian legacy / landline length', '(11) 9999-9999', 'BR', '+551199999999'],
    ['Brazilian, trunk prefix 0', '0 11 99999-9999', 'BR', '+5511999999999'],
    ['country given in lower case', '(11) 99999-9999', 'br', '+5511999999999'],
    ['country with stray spaces', '(11) 99999-9999', ' BR ', '+5511999999999'],
    ['US national', '(415) 555-2671', 'US', '+14155552671'],
    ['US national with leading 1', '1 415 555 2671', 'US', '+14155552671'],
    ['international number while a default is set', '+49 151 1234 5678', 'BR', '+4915112345678'],
    ['digits with a country code while a default is set', '5511999999999', 'BR', '+5511999999999'],
    ['00 prefix while a default is set', '0049 151 1234 5678', 'BR', '+4915112345678'],
    ['fullwidth national', '（１１）９９９９９-９９９９', 'BR', '+5511999999999'],
  ])('%s: %j with %j → %s', (_name, input, defaultCountry, expected) => {
    expect(parsePhone(input, 'phone', { defaultCountry })).toEqual({ ok: true, value: expected });
  });

  it.each<[string, string]>([
    ['Brazilian mobile with area code in parentheses', '(11) 99999-9999'],
    ['Brazilian mobile with spaces', '11 99999-9999'],
    ['Brazilian mobile, bare digits (would be a bogus +1 number)', '11999999999'],
    ['Brazilian landline', '(11) 3333-4444'],
    ['US national', '(415) 555-2671'],
    ['short local number', '99999-9999'],
    ['a single digit', '7'],
  ])('without a default country, %s → phone.missing_country_code', (_name, input) => {
    const [i] = expectIssues(parsePhone(input, 'destinationNumber'), [['destinationNumber', 'phone.missing_country_code']]);
    expect(i!.message).toMatch(/^destinationNumber has no country code/);
  });

  it.each<[string]>([['XX'], ['Brazil'], ['ZZ'], ['12'], ['B R']])('unknown default country %j → country.unknown on defaultCountry', (defaultCountry) => {
    const [i] = expectIssues(parsePhone('(11) 99999-9999', 'phone', { defaultCountry }), [['defaultCountry', 'country.unknown']]);
    expect(i!.message).toContain(defaultCountry);
  });

  it('an unknown default country is reported even for an international number', () => {
    expectIssues(parsePhone('+5511999999999', 'phone', { defaultCountry: 'XX' }), [['defaultCountry', 'country.unknown']]);
  });

  it('a blank default country means none, like an empty one', () => {
    expectIssues(parsePhone('(11) 99999-9999', 'phone', { defaultCountry: '  ' }), [['phone', 'phone.missing_country_code']]);
  });

  it('an empty default country means none', () => {
    expect(parsePhone('+5511999999999', 'phone', { defaultCountry: '' })).toEqual({ ok: true, value: '+5511999999999' });
    expect(parsePhone('+5511999999999', 'phone', { defaultCountry: undefined })).toEqual({ ok: true, value: '+5511999999999' });
  });
});

describe('parsePhone: rejections carry the field and a stable rule', () => {
  it.each<[string, string]>([
    ['letters', '+55 11 ABCDE-FGHI'],
    ['vanity number', '1-800-FLOWERS'],
    ['an extension', '+55 11 99999-9999 ext 5'],
    ['a slash', '+55/11/99999-9999'],
    ['a second plus', '+55 +11 99999-9999'],
    ['plus in the middle', '55+11999999999'],
    ['a bare plus', '+'],
    ['a bare 00', '00'],
    ['an e-mail-ish text', 'ana.example.com'],
    ['Arabic-Indic digits', '+٥٥١١٩٩٩٩٩٩٩٩٩'],
    ['an emoji', '+55 11 99999-9999 📞'],
    ['a hash', '#5511999999999'],
  ])('%s → phone.invalid_characters', (_name, input) => {
    const [i] = expectIssues(parsePhone(input, 'destinationNumber'), [['destinationNumber', 'phone.invalid_characters']]);
    expect(i!.message).toMatch(/^destinationNumber must contain only digits/);
  });

  it.each<[string, string, string]>([
    ['7 digits after +', '+1234567', 'phone.too_short'],
    ['3 digits after +', '+55 11', 'phone.too_short'],
    ['too short for Brazil', '+55 11 99999', 'phone.too_short'],
    ['16 digits after +', '+1234567890123456', 'phone.too_long'],
    ['17 digits after 00', '0055 11 99999 9999 9999', 'phone.too_long'],
    ['too long for Brazil', '+55 11 99999-99999', 'phone.too_long'],
    ['too short for Brazil, 10 digits', '+551199999', 'phone.too_short'],
  ])('%s: %j → %s', (_name, input, rule) => {
    expectIssues(parsePhone(input, 'destinationNumber'), [['destinationNumber', rule]]);
  });

  it.each<[string, string, string]>([
    ['too short with default BR', '1234567', 'phone.too_short'],
    ['too long with default BR', '12345678901234567', 'phone.too_long'],
  ])('%s: %j → %s, the reason names the country', (_name, input, rule) => {
    const [i] = expectIssues(parsePhone(input, 'phone', { defaultCountry: 'BR' }), [['phone', rule]]);
    expect(i!.message).toContain('default country BR');
  });

  it.each<[string, string]>([
    ['unassigned calling code +999', '+999 1234 5678'],
    ['zero after +', '+0 11 99999 9999'],
    ['zero after 00', '000 11 99999 9999'],
  ])('%s → phone.invalid_country_code', (_name, input) => {
    expectIssues(parsePhone(input, 'phone'), [['phone', 'phone.invalid_country_code']]);
  });

  it.each<[string, unknown]>([
    ['empty text', ''],
    ['blank text', '   '],
    ['only separators', ' - ( ) . '],
    ['undefined', undefined],
    ['null', null],
  ])('%s → required', (_name, input) => {
    const [i] = expectIssues(parsePhone(input, 'destinationNumber'), [['destinationNumber', 'required']]);
    expect(i!.message).toBe('destinationNumber is required');
  });

  it.each<[string, unknown, string]>([
    ['an object', { number: '+5511999999999' }, 'an object'],
    ['a list', ['+5511999999999'], 'a list'],
    ['a boolean', true, 'a boolean'],
    ['a fractional number', 5511999999999.5, 'a number'],
    ['a negative number', -5511999999999, 'a number'],
    ['zero', 0, 'a number'],
    ['an unsafe integer', 2 ** 60, 'a number'],
    ['NaN', Number.NaN, 'NaN'],
    ['Infinity', Number.POSITIVE_INFINITY, 'Infinity'],
    ['a bigint', 5511999999999n, 'a bigint'],
    ['a symbol', Symbol('phone'), 'a symbol'],
    ['a Date', new Date(0), 'an object'],
  ])('non-string input, %s → phone.type', (_name, input, described) => {
    const [i] = expectIssues(parsePhone(input, 'destinationNumber'), [['destinationNumber', 'phone.type']]);
    expect(i!.message).toBe(`destinationNumber must be text, got ${described}`);
  });

  it('the default field is "phone"', () => {
    expectIssues(parsePhone('abc'), [['phone', 'phone.invalid_characters']]);
  });

  it('messages never echo the input (it is personal data)', () => {
    for (const input of ['+55 21 98765-43210', '+1234567', '21 98765-4321', '+999 1234 5678']) {
      const result = parsePhone(input);
      expect(result.ok).toBe(false);
      if (!result.ok) for (const i of result.issues) expect(i.message).not.toContain(input.replace(/\D/g, '').slice(0, 8));
    }
  });
});
