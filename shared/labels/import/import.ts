import { parsePhone, type PhoneOptions } from '../../destinations';
import { describeValue, issue, ValidationError } from '../../errors';
import { isBlankCell } from './cells';
import { recognizeColumns, type ColumnLayout } from './columns';
import { csvRows, decodeText } from './csv';
import { sniffDialect } from './csv-dialect';
import { DestinationLog, duplicateIssue } from './duplicates';
import { emptyFileError } from './file-error';
import { byteChunks, concatBytes, PeekableBytes } from './input';
import { EMPTY_ROW, readRow } from './rows';
import type {
  ImportColumns,
  ImportedContact,
  ImportFormat,
  ImportInput,
  ImportOptions,
  ImportOutcome,
  ImportSummary,
  RejectedRow,
  SheetRow,
} from './types';
import { looksLikeXls, looksLikeXlsx, xlsError, xlsxRows } from './xlsx';

/**
 * Reads a contact list (CSV or XLSX) row by row. Yields one outcome per non-empty data row, in
 * file order, as soon as the row is read; returns a summary (format, columns used) at the end.
 *
 * Throws a `ValidationError` (field `file`) when the file as a whole cannot be read: empty, no
 * phone or group column, CSV syntax, unreadable XLSX, or options out of range. A CSV syntax
 * error comes after the outcomes of every row before the broken one. A bad row never throws: it
 * is a `{ ok: false }` outcome and the next rows follow.
 *
 * A repeated destination is not yielded twice: the later row is an `import.duplicate` outcome.
 * If it carries a name and the first row had none, its `filledName` is the name the first
 * contact now has (the dashboard's "fill an empty name" rule). The fill is reported on the later
 * row instead of holding contacts back until the end of the file: a contact is yielded as soon
 * as its row is read, and a consumer that stores it applies `filledName` to row `duplicateOf`.
 */
export async function* importContacts(input: ImportInput, options: ImportOptions = {}): AsyncGenerator<ImportOutcome, ImportSummary, undefined> {
  const phoneOptions = checkOptions(options);
  const bytes = new PeekableBytes(byteChunks(input));
  try {
    const head = await bytes.peek(8);
    if (head.length === 0) throw emptyFileError();
    if (!options.format && looksLikeXls(head)) throw xlsError();
    const format: ImportFormat = options.format ?? (looksLikeXlsx(head) ? 'xlsx' : 'csv');

    if (format === 'xlsx') {
      const rows = await xlsxRows(await readAll(bytes));
      const columns = yield* outcomes(rows, phoneOptions);
      return { format, columns };
    }
    const dialect = await sniffDialect(bytes);
    const columns = yield* outcomes(csvRows(decodeText(bytes.chunks(), dialect.encoding), dialect.delimiter), phoneOptions);
    return { format, columns, csv: dialect };
  } finally {
    await bytes.close();
  }
}

/** The first non-empty row is the header; every later non-empty row becomes one outcome. */
async function* outcomes(rows: AsyncIterable<SheetRow> | Iterable<SheetRow>, options: PhoneOptions): AsyncGenerator<ImportOutcome, ImportColumns, undefined> {
  let layout: ColumnLayout | undefined;
  const seen = new DestinationLog();
  for await (const { row, cells } of rows) {
    if (!layout) {
      if (cells.every(isBlankCell)) continue;
      const recognized = recognizeColumns(cells);
      if (!recognized.ok) throw new ValidationError(recognized.issues);
      layout = recognized.value;
      continue;
    }
    const reading = readRow(cells, layout, options);
    if (reading === EMPTY_ROW) continue;
    if (!reading.ok) {
      yield { row, ok: false, issues: reading.issues };
      continue;
    }
    const contact = reading.value;
    const repeat = seen.visit(contact.destination, contact.name, row);
    if (!repeat) {
      yield { row, ok: true, contact: { row, ...contact } };
      continue;
    }
    const field = (contact.destination.kind === 'GROUP' ? layout.group : layout.phone)?.header ?? '';
    yield {
      row,
      ok: false,
      issues: [duplicateIssue(field, repeat)],
      duplicateOf: repeat.firstRow,
      ...(repeat.fillsName ? { filledName: contact.name } : {}),
    };
  }
  if (!layout) throw emptyFileError();
  return layout.columns;
}

const FORMATS: readonly unknown[] = ['csv', 'xlsx'] satisfies ImportFormat[];

/** Options are checked once, up front: a bad default country would otherwise fail every row alike. */
function checkOptions(options: ImportOptions): PhoneOptions {
  if (options.format !== undefined && !FORMATS.includes(options.format)) {
    throw new ValidationError([issue('format', 'import.format', `must be "csv" or "xlsx" (or left out to detect it), got ${describeValue(options.format)}`)]);
  }
  const phoneOptions: PhoneOptions = { defaultCountry: options.defaultCountry };
  if (!options.defaultCountry) return phoneOptions;
  // parsePhone owns the country rule; a number with its own country code only exercises that rule.
  const probe = parsePhone('+14155552671', 'defaultCountry', phoneOptions);
  if (!probe.ok) throw new ValidationError(probe.issues);
  return phoneOptions;
}

async function readAll(bytes: PeekableBytes): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of bytes.chunks()) chunks.push(chunk);
  return concatBytes(chunks);
}

export interface ImportResult {
  /** One per distinct destination, in file order, with names filled by later duplicates. */
  readonly contacts: ImportedContact[];
  /** Every rejected row, duplicates included (rule `import.duplicate`). */
  readonly failures: RejectedRow[];
  readonly columns: ImportColumns;
}

/** `importContacts` collected in memory: for files a host already holds whole. */
export async function importContactsFromBuffer(buffer: Uint8Array | string, options: ImportOptions = {}): Promise<ImportResult> {
  const contacts: ImportedContact[] = [];
  const indexByRow = new Map<number, number>();
  const failures: RejectedRow[] = [];
  const rows = importContacts(buffer, options);
  for (let step = await rows.next(); ; step = await rows.next()) {
    if (step.done) return { contacts, failures, columns: step.value.columns };
    const outcome = step.value;
    if (outcome.ok) {
      indexByRow.set(outcome.row, contacts.length);
      contacts.push(outcome.contact);
      continue;
    }
    failures.push(outcome);
    const filled = outcome.duplicateOf === undefined ? undefined : indexByRow.get(outcome.duplicateOf);
    if (filled !== undefined && outcome.filledName !== undefined) contacts[filled] = { ...contacts[filled]!, name: outcome.filledName };
  }
}
