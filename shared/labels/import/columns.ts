import { fail, issue, ok, type Parsed } from '../../errors';
import { cellText } from './cells';
import { FILE_FIELD } from './file-error';
import type { Cell, ImportColumns } from './types';

/*
 * Header spellings, written the way people type them so the README can list them. Matching goes
 * through `normalizeHeader`, so case, accents, spaces, `_`, `-` and `.` never matter:
 * `Número de Telefone`, `numero_de_telefone` and `NUMERODETELEFONE` are the same header.
 */

/** The phone column: PilotStatus' own names, then common English, Portuguese and Spanish ones. */
export const PHONE_HEADERS = [
  'number',
  'destinationNumber',
  'phone',
  'phone number',
  'telephone',
  'tel',
  'mobile',
  'mobile phone',
  'mobile number',
  'cell',
  'cell phone',
  'contact number',
  'msisdn',
  'whatsapp',
  'whatsapp number',
  // Google Contacts exports its first phone as "Phone 1 - Value".
  'Phone 1 - Value',
  'número',
  'número de telefone',
  'número de celular',
  'número do whatsapp',
  'telefone',
  'celular',
  'cel',
  'fone',
  'teléfono',
  'número de teléfono',
  'móvil',
] as const;

/** The optional group column; only a value ending in `@g.us` makes a row a group. */
export const GROUP_HEADERS = ['groupId', 'group', 'grupo', 'grupoId'] as const;

export const NAME_HEADERS = [
  'name',
  'full name',
  'contact name',
  'display name',
  'contact',
  'nome',
  'nome completo',
  'contato',
  'nombre',
  'nombre completo',
] as const;

// Spaces (any Unicode space), underscores, ASCII and typographic dashes, dots.
const SEPARATORS = /[\s_.\-\u2010-\u2015\u2212]/gu;
const COMBINING_MARKS = /\p{M}/gu;

/** The form headers are compared in: lowercase, without accents or separators. */
export function normalizeHeader(header: string): string {
  return header.toLowerCase().normalize('NFD').replace(COMBINING_MARKS, '').replace(SEPARATORS, '');
}

const toKeys = (headers: readonly string[]): ReadonlySet<string> => new Set(headers.map(normalizeHeader));
const PHONE_KEYS = toKeys(PHONE_HEADERS);
const GROUP_KEYS = toKeys(GROUP_HEADERS);
const NAME_KEYS = toKeys(NAME_HEADERS);

export type ColumnKind = 'phone' | 'group' | 'name';

/** Which kind of column a header names, if any. */
export function columnKind(header: string): ColumnKind | undefined {
  const key = normalizeHeader(header);
  if (PHONE_KEYS.has(key)) return 'phone';
  if (GROUP_KEYS.has(key)) return 'group';
  if (NAME_KEYS.has(key)) return 'name';
  return undefined;
}

export interface RecognizedColumn {
  readonly index: number;
  /** The header text as written (trimmed): the field name in row issues. */
  readonly header: string;
}

/** Where each recognized column sits, and the `extra` key of every other column. */
export interface ColumnLayout {
  readonly phone: RecognizedColumn | undefined;
  readonly group: RecognizedColumn | undefined;
  readonly name: RecognizedColumn | undefined;
  /** Per column index: its `extra` key, or `undefined` for the phone, group and name columns. */
  readonly extraKeys: readonly (ExtraKey | undefined)[];
  readonly columns: ImportColumns;
}

export interface ExtraKey {
  readonly key: string;
  /**
   * A column without header text (often a trailing delimiter) is noise in every row; it goes to
   * `extra` only where it holds something.
   */
  readonly untitled: boolean;
}

/** Reads the header row. The left-most column of each kind wins; the others stay in `extra`. */
export function recognizeColumns(headerCells: readonly Cell[]): Parsed<ColumnLayout> {
  const headers = headerCells.map(cellText);
  const found: Partial<Record<ColumnKind, RecognizedColumn>> = {};
  const taken = new Set<string>();
  const extraKeys = headers.map((header, index): ExtraKey | undefined => {
    const kind = columnKind(header);
    if (kind && !found[kind]) {
      found[kind] = { index, header };
      return undefined;
    }
    return { key: uniqueKey(taken, header || untitledKey(index)), untitled: header === '' };
  });

  if (!found.phone && !found.group) return fail(noDestinationColumn());
  return ok({
    phone: found.phone,
    group: found.group,
    name: found.name,
    extraKeys,
    columns: { phone: found.phone?.header ?? null, group: found.group?.header ?? null, name: found.name?.header ?? null },
  });
}

/** The key of a cell with no header text above it: `column 4` (1-based, as spreadsheets count). */
export const untitledKey = (index: number): string => `column ${index + 1}`;

/** Two columns with the same header both keep their values: the second becomes `Email (2)`. */
export function uniqueKey(taken: Set<string>, wanted: string): string {
  let key = wanted;
  for (let copy = 2; taken.has(key); copy++) key = `${wanted} (${copy})`;
  taken.add(key);
  return key;
}

function noDestinationColumn() {
  return issue(
    FILE_FIELD,
    'import.no_destination_column',
    `has no phone column and no group column: the first non-empty row must be a header naming one, ` +
      `as a phone column (${PHONE_HEADERS.join(', ')}) or a group column (${GROUP_HEADERS.join(', ')}); ` +
      'case, accents, spaces, dashes, underscores and dots are ignored',
  );
}
