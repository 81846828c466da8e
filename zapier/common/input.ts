import type { PlainInputField } from 'zapier-platform-core';
import { DEFAULT_COUNTRY_HELP } from '../../shared/destinations';
import type { FieldLabels } from './errors';

/** What an unfilled Zapier field arrives as. */
export const isBlank = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * The listed fields of `inputData`, under the core's names (`{ zapierKey: coreKey }` renames).
 * Values go through untouched: the core reads blank ones as "not given" and checks the rest.
 */
export function pick(source: Readonly<Record<string, unknown>>, keys: readonly string[] | Readonly<Record<string, string>>): Record<string, unknown> {
  const pairs = Array.isArray(keys) ? keys.map((key: string) => [key, key] as const) : Object.entries(keys);
  const picked: Record<string, unknown> = {};
  for (const [from, to] of pairs) {
    if (source[from] !== undefined) picked[to] = source[from];
  }
  return picked;
}

/** The text of an optional field, or `undefined` when left blank. */
export const optionalText = (value: unknown): string | undefined => (isBlank(value) ? undefined : String(value).trim());

/**
 * Field labels for error messages: every plain field's key → its label, plus core field names
 * that come from a differently named Zapier field (e.g. `destinationNumber` → the "Destination" field).
 */
export function fieldLabels(fields: readonly unknown[], aliases: Readonly<Record<string, string>> = {}, prefix = ''): FieldLabels {
  const labels: Record<string, string> = {};
  const plain = fields.filter((field): field is PlainInputField => typeof field === 'object' && field !== null && 'key' in field);
  for (const field of plain) labels[`${prefix}${field.key}`] = field.label ?? field.key;
  for (const [coreField, zapierKey] of Object.entries(aliases)) {
    const label = labels[`${prefix}${zapierKey}`];
    if (label !== undefined) labels[`${prefix}${coreField}`] = label;
  }
  return labels;
}

/** The default-country field of every step that reads phone numbers. */
export const defaultCountryField = {
  key: 'defaultCountry',
  label: 'Default Country',
  required: false,
  placeholder: 'BR',
  helpText: DEFAULT_COUNTRY_HELP,
} satisfies PlainInputField;
