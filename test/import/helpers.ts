import type * as WriteExcelFile from 'write-excel-file/node' with { 'resolution-mode': 'import' };
import { ValidationError, type ValidationIssue } from '../../shared/errors';
import { importContacts, type ImportInput, type ImportOptions, type ImportOutcome, type ImportSummary } from '../../shared/labels/import';

// write-excel-file types only its ES module build; its CommonJS build is what `require` loads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const writeXlsxFile = (require('write-excel-file/node') as typeof WriteExcelFile).default;

export type XlsxCell = WriteExcelFile.Cell;

/** A real .xlsx file, built in memory. */
export async function xlsx(rows: XlsxCell[][]): Promise<Uint8Array> {
  return new Uint8Array(await writeXlsxFile(rows, { dateFormat: 'yyyy-mm-dd' }).toBuffer());
}

export interface Collected {
  readonly outcomes: ImportOutcome[];
  readonly summary: ImportSummary;
}

/** Runs the generator to its end, keeping the yielded outcomes and the returned summary. */
export async function collect(input: ImportInput, options?: ImportOptions): Promise<Collected> {
  const outcomes: ImportOutcome[] = [];
  const rows = importContacts(input, options);
  for (let step = await rows.next(); ; step = await rows.next()) {
    if (step.done) return { outcomes, summary: step.value };
    outcomes.push(step.value);
  }
}

/** The ValidationError a file-level failure throws (fails the test if it does not throw one). */
export async function fileFailure(input: ImportInput, options?: ImportOptions): Promise<ValidationError> {
  try {
    await collect(input, options);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

/** `{row, ok, value|rule}` summaries: compact enough for table-driven expectations. */
export function brief(outcomes: readonly ImportOutcome[]): string[] {
  return outcomes.map((outcome) =>
    outcome.ok
      ? `${outcome.row} ${outcome.contact.destination.kind} ${outcome.contact.destination.value} "${outcome.contact.name}"`
      : `${outcome.row} ! ${outcome.issues.map((i: ValidationIssue) => `${i.field}:${i.rule}`).join(' ')}`,
  );
}

/** Feeds `bytes` as a stream cut at the given offsets. */
export async function* chunked(bytes: Uint8Array, cuts: readonly number[]): AsyncGenerator<Uint8Array> {
  let start = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut <= start || cut >= bytes.length) continue;
    yield bytes.subarray(start, cut);
    start = cut;
  }
  yield bytes.subarray(start);
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** windows-1252 for the Latin-1 range, which is all the tests need. */
export const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0));
