import { GROUP_SUFFIX, parseDestinationOfKind, parsePhone, type PhoneOptions } from '../../destinations';
import { fail, issue, ok, type Parsed } from '../../errors';
import { cellText, isBlankCell } from './cells';
import { uniqueKey, untitledKey, type ColumnLayout, type RecognizedColumn } from './columns';
import type { Cell, ImportedDestination } from './types';

/** A row's contact before the file-wide duplicate check (which needs the other rows). */
export interface RowContact {
  readonly destination: ImportedDestination;
  readonly name: string;
  readonly extra: Readonly<Record<string, string>>;
}

/** A row with no visible content: skipped without a report, as a spreadsheet user expects. */
export const EMPTY_ROW = 'empty';

export type RowReading = typeof EMPTY_ROW | Parsed<RowContact>;

/**
 * Reads one data row. Pure, and the same for CSV and XLSX: a group value ending in `@g.us` makes
 * the row a GROUP, otherwise the phone column makes it a PHONE.
 */
export function readRow(cells: readonly Cell[], layout: ColumnLayout, options: PhoneOptions = {}): RowReading {
  if (cells.every(isBlankCell)) return EMPTY_ROW;
  const destination = readDestination(cells, layout, options);
  if (!destination.ok) return destination;
  return ok({
    destination: destination.value,
    name: layout.name ? cellText(cells[layout.name.index]) : '',
    extra: readExtra(cells, layout),
  });
}

function readDestination(cells: readonly Cell[], layout: ColumnLayout, options: PhoneOptions): Parsed<ImportedDestination> {
  const group = valueOf(cells, layout.group);
  if (layout.group && typeof group === 'string' && isGroupJid(group)) {
    const parsed = parseDestinationOfKind('GROUP', group, layout.group.header);
    return parsed.ok ? ok(parsed.value as ImportedDestination) : parsed;
  }

  const phone = valueOf(cells, layout.phone);
  if (layout.phone && phone !== undefined) {
    // A number cell goes to parsePhone as a number: it accepts whole ones and refuses the rest,
    // where turning 11.5 into text would let the dot pass as a separator.
    const parsed = parsePhone(phone, layout.phone.header, options);
    return parsed.ok ? ok({ kind: 'PHONE', value: parsed.value }) : parsed;
  }

  if (layout.group && group !== undefined) {
    return fail(
      issue(layout.group.header, 'import.group_format', `must end in ${GROUP_SUFFIX} to make the row a group (e.g. 120363025246125486${GROUP_SUFFIX}), and the row has no phone number`),
    );
  }
  const field = (layout.phone ?? layout.group)?.header ?? '';
  return fail(issue(field, 'required', 'has no phone number or group id'));
}

// Same leniency as parseJid, which reads the server case-insensitively and trims.
const isGroupJid = (text: string): boolean => text.toLowerCase().endsWith(GROUP_SUFFIX);

/** The cell of a recognized column, `undefined` when blank; text is trimmed, other types kept. */
function valueOf(cells: readonly Cell[], column: RecognizedColumn | undefined): Exclude<Cell, null> {
  if (!column) return undefined;
  const cell = cells[column.index];
  if (cell === null || isBlankCell(cell)) return undefined;
  return typeof cell === 'string' ? cell.trim() : cell;
}

/**
 * Every other column, keyed by its header. Built as entries so a header such as `__proto__`
 * becomes an own key instead of touching the object's prototype.
 */
function readExtra(cells: readonly Cell[], layout: ColumnLayout): Record<string, string> {
  const entries: [string, string][] = [];
  const width = Math.max(cells.length, layout.extraKeys.length);
  let beyondHeader: Set<string> | undefined;
  for (let index = 0; index < width; index++) {
    const text = cellText(cells[index]);
    if (index < layout.extraKeys.length) {
      const column = layout.extraKeys[index];
      if (column && (text !== '' || !column.untitled)) entries.push([column.key, text]);
    } else if (text !== '') {
      // A ragged row wider than its header: keep the value under a name no header took.
      beyondHeader ??= new Set(layout.extraKeys.flatMap((column) => (column ? [column.key] : [])));
      entries.push([uniqueKey(beyondHeader, untitledKey(index)), text]);
    }
  }
  return Object.fromEntries(entries);
}
