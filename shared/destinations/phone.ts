import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
} from 'libphonenumber-js';
import { describeValue, fail, issue, ok, type Parsed } from '../errors';

/** A phone in E.164: `+`, a country code and 8–15 digits in all. */
export type E164 = string;

/** What the default-country setting does, as both hosts show it next to the field. */
export const DEFAULT_COUNTRY_HELP =
  'Two-letter country code (e.g. BR) used to read a phone number written without its country code, such as (11) 98888-7777. Without it such numbers are refused, never guessed.';

export interface PhoneOptions {
  /**
   * ISO country (`BR`, `US`…) used to read numbers typed without a country code.
   * Without it such numbers are rejected rather than guessed.
   */
  readonly defaultCountry?: string | undefined;
}

export const E164_PATTERN = /^\+[1-9]\d{7,14}$/;
export const E164_MIN_DIGITS = 8;
export const E164_MAX_DIGITS = 15;

// What people paste around the digits: spaces (incl. no-break), dashes of any width, parentheses, dots.
const FORMATTING = /[\s\u00A0\u2000-\u200B\u2010-\u2015\u2212().\-]/g;

const LENGTH_REASON: Record<string, [rule: string, reason: string]> = {
  TOO_SHORT: ['phone.too_short', 'is too short for a phone number of that country'],
  TOO_LONG: ['phone.too_long', 'is too long for a phone number of that country'],
  INVALID_LENGTH: ['phone.invalid_length', 'has a length no phone number of that country has'],
  INVALID_COUNTRY: ['phone.invalid_country_code', 'does not start with a known country code'],
  NOT_A_NUMBER: ['phone.not_a_number', 'is not a phone number'],
};

/**
 * Reads a phone the way people type it and returns it in E.164.
 * Uses "possible number" (length) rules, not "valid number" rules: WhatsApp keeps legacy ids such
 * as 12-digit Brazilian mobiles without the 9th digit, which strict validation would reject.
 */
export function parsePhone(input: unknown, field = 'phone', options: PhoneOptions = {}): Parsed<E164> {
  const country = options.defaultCountry?.trim().toUpperCase() || undefined;
  if (country !== undefined && !isSupportedCountry(country)) {
    return fail(issue('defaultCountry', 'country.unknown', `"${options.defaultCountry}" is not a supported ISO country code (e.g. BR, US, PT)`));
  }

  let text: string;
  if (typeof input === 'number' && Number.isSafeInteger(input) && input > 0) text = String(input);
  else if (typeof input === 'string') text = input;
  else if (input === undefined || input === null) return fail(issue(field, 'required', 'is required'));
  else return fail(issue(field, 'phone.type', `must be text, got ${describeValue(input)}`));

  const compact = text.normalize('NFKC').replace(FORMATTING, '');
  if (compact === '') return fail(issue(field, 'required', 'is required'));

  const international = /^(\+|00)/.exec(compact);
  const digits = international ? compact.slice(international[0].length) : compact;
  if (!/^\d+$/.test(digits)) {
    return fail(issue(field, 'phone.invalid_characters', 'must contain only digits, an optional leading + and separators (spaces, dashes, dots, parentheses)'));
  }

  if (international) return parseInternational(digits, field);

  if (country) {
    const national = parseNational(digits, country as CountryCode);
    if (national) return ok(national);
    const asInternational = parseInternational(digits, field, true);
    if (asInternational.ok) return asInternational;
    return lengthFailure(validatePhoneNumberLength(digits, country as CountryCode), field, country);
  }

  const asInternational = parseInternational(digits, field, true);
  if (asInternational.ok || digits.length > 11) return asInternational;
  return fail(
    issue(field, 'phone.missing_country_code', 'has no country code: write it as +<country code><number> (e.g. +5511999999999), or set a default country'),
  );
}

/**
 * Digits typed without `+` are taken as carrying a country code only when they fit a numbering
 * plan of that code (`requireKnownPlan`): by length alone, the Brazilian national 11999999999
 * would pass as a +1 number and the message would go abroad.
 */
function parseInternational(digits: string, field: string, requireKnownPlan = false): Parsed<E164> {
  if (digits.length < E164_MIN_DIGITS) {
    return fail(issue(field, 'phone.too_short', `is too short: ${digits.length} digits, a phone with country code has at least ${E164_MIN_DIGITS}`));
  }
  if (digits.length > E164_MAX_DIGITS) {
    return fail(issue(field, 'phone.too_long', `is too long: ${digits.length} digits, a phone with country code has at most ${E164_MAX_DIGITS}`));
  }
  if (digits.startsWith('0')) return fail(issue(field, 'phone.invalid_country_code', 'does not start with a known country code'));
  const candidate = `+${digits}`;
  // One parse on the happy path (this runs per imported row); the length check only explains a failure.
  const parsed = parsePhoneNumberFromString(candidate);
  if (!parsed?.isPossible()) return lengthFailure(validatePhoneNumberLength(candidate) ?? 'NOT_A_NUMBER', field);
  if (!E164_PATTERN.test(parsed.number)) return lengthFailure('NOT_A_NUMBER', field);
  if (requireKnownPlan && !parsed.country) return lengthFailure('INVALID_COUNTRY', field);
  return ok(parsed.number);
}

function parseNational(digits: string, country: CountryCode): E164 | undefined {
  const parsed = parsePhoneNumberFromString(digits, country);
  return parsed?.isPossible() && E164_PATTERN.test(parsed.number) ? parsed.number : undefined;
}

function lengthFailure(problem: string | undefined, field: string, country?: string): Parsed<never> {
  const [rule, reason] = LENGTH_REASON[problem ?? 'NOT_A_NUMBER'] ?? LENGTH_REASON.NOT_A_NUMBER!;
  return fail(issue(field, rule, country ? `${reason} (read with default country ${country})` : reason));
}
