import { CsvError, parse } from 'csv-parse';
import { fileError } from './file-error';
import type { CsvDelimiter, CsvEncoding, SheetRow } from './types';

/**
 * Longest row accepted. A real contact row is far shorter; a longer one is almost always a quote
 * left open, which would otherwise buffer the rest of the file (csv-parse defaults to no limit).
 */
export const MAX_ROW_BYTES = 1024 * 1024;

/** Decodes byte chunks as they come; a character split between two chunks stays whole. */
export async function* decodeText(chunks: AsyncIterable<Uint8Array>, encoding: CsvEncoding): AsyncGenerator<string, void, undefined> {
  // The default (ignoreBOM: false) drops a leading UTF-8 BOM.
  const decoder = new TextDecoder(encoding);
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/**
 * Streams a CSV's records as rows, numbered as a spreadsheet shows them: one row per record,
 * blank lines included (the import skips them), so a quoted field spanning lines is one row.
 *
 * The next chunk is written to csv-parse's Parser only once the rows of the previous one have
 * been taken, so memory holds one chunk's rows at most. Rows are collected in `on_record` (and
 * filtered out of the stream's readable side) rather than read from the stream: a Node stream
 * that fails drops what it still buffers, while here every row before a syntax error is handed
 * on first, whatever the chunk boundaries.
 */
export async function* csvRows(text: AsyncIterable<string>, delimiter: CsvDelimiter): AsyncGenerator<SheetRow, void, undefined> {
  const parsed: string[][] = [];
  // The line the last complete record ended on: a syntax error is in the row starting after it.
  let lastParsedLine = 0;
  const parser = parse({
    delimiter,
    // Mixed endings happen when rows are pasted in from elsewhere; auto-discovery would lock onto one.
    record_delimiter: ['\r\n', '\n', '\r'],
    bom: true,
    relax_column_count: true,
    // `Ana "Aninha" Souza` unquoted is a name, not a syntax error.
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: MAX_ROW_BYTES,
    on_record: (record: string[], context) => {
      lastParsedLine = context.lines;
      parsed.push(record);
      return null;
    },
  });
  // Failures arrive through the write and end callbacks; without a listener the 'error' event would crash the process.
  parser.on('error', () => undefined);

  let row = 0;
  function* handOn(): Generator<SheetRow> {
    for (const cells of parsed.splice(0)) yield { row: ++row, cells };
  }
  try {
    for await (const chunk of text) {
      const failure = await new Promise<Error | null | undefined>((resolve) => parser.write(chunk, resolve));
      yield* handOn();
      if (failure) throw toImportError(failure, lastParsedLine + 1);
    }
    const failure = await new Promise<Error | null | undefined>((resolve) => parser.end(resolve));
    yield* handOn();
    if (failure) throw toImportError(failure, lastParsedLine + 1);
  } finally {
    parser.destroy();
  }
}

const toImportError = (error: Error, rowStartLine: number): Error => (error instanceof CsvError ? csvSyntaxError(error, rowStartLine) : error);

// csv-parse's own messages quote the offending field, which may be someone's phone number.
function csvSyntaxError(error: CsvError, rowStartLine: number) {
  const line = typeof error.lines === 'number' ? error.lines : rowStartLine;
  const hint = 'Save the sheet again as CSV, or check the quotes on that line.';
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return fileError('import.csv_syntax', `has a quote that is never closed, in the row starting on line ${rowStartLine}`, hint);
    case 'CSV_MAX_RECORD_SIZE':
      return fileError(
        'import.csv_syntax',
        `has a row starting on line ${rowStartLine} longer than ${MAX_ROW_BYTES / 1024 / 1024} MB: most likely a quote left open there`,
        hint,
      );
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return fileError('import.csv_syntax', `has a misplaced quote on line ${line}`, hint);
    default:
      return fileError('import.csv_syntax', `cannot be read as CSV at line ${line} (${error.code})`, hint);
  }
}
