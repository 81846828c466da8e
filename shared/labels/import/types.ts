import type { Destination } from '../../destinations';
import type { ValidationIssue } from '../../errors';

export type ImportFormat = 'csv' | 'xlsx';

/** What a file may hold: the bytes (or text) at once, or a stream of chunks such as a Node `Readable`. */
export type ImportInput = AsyncIterable<Uint8Array | string> | Uint8Array | string;

export interface ImportOptions {
  /** Without it the format is read from the bytes: an XLSX is a zip and starts with `PK\x03\x04`. */
  readonly format?: ImportFormat | undefined;
  /** ISO country used to read phones typed without a country code, as in `parsePhone`. */
  readonly defaultCountry?: string | undefined;
}

/** The import puts only phones and groups in a label (what the PilotStatus dashboard accepts). */
export type ImportedDestination = Extract<Destination, { kind: 'PHONE' | 'GROUP' }>;

export interface ImportedContact {
  /** The spreadsheet row number: the row a person sees when opening the file (header usually 1). */
  readonly row: number;
  readonly destination: ImportedDestination;
  /** Trimmed; `''` when the file has no name column or the cell is empty. */
  readonly name: string;
  /** Every column that is not the phone, group or name column, keyed by its header text. */
  readonly extra: Readonly<Record<string, string>>;
}

/** The header text of each recognized column, `null` when the file has none. */
export interface ImportColumns {
  readonly phone: string | null;
  readonly group: string | null;
  readonly name: string | null;
}

export interface ImportedRow {
  readonly row: number;
  readonly ok: true;
  readonly contact: ImportedContact;
}

export interface RejectedRow {
  readonly row: number;
  readonly ok: false;
  readonly issues: readonly ValidationIssue[];
  /** Set on an `import.duplicate` row: the row that first held this destination. */
  readonly duplicateOf?: number;
  /**
   * Set when the first row had no name and this duplicate has one: the contact already emitted
   * for row `duplicateOf` now carries this name (the dashboard's "fill an empty name" rule).
   */
  readonly filledName?: string;
}

export type ImportOutcome = ImportedRow | RejectedRow;

/** The value `importContacts` returns once every row has been yielded. */
export interface ImportSummary {
  readonly format: ImportFormat;
  readonly columns: ImportColumns;
  /** CSV only: how the file was read. */
  readonly csv?: { readonly delimiter: CsvDelimiter; readonly encoding: CsvEncoding };
}

export type CsvDelimiter = ',' | ';';
/** Excel on Windows saves "CSV" in the ANSI code page, windows-1252 in Brazil and Western Europe. */
export type CsvEncoding = 'utf-8' | 'windows-1252';

/** A cell as CSV (always text) or read-excel-file (number, boolean, date) hands it over. */
export type Cell = string | number | boolean | Date | null | undefined;

export interface SheetRow {
  readonly row: number;
  readonly cells: readonly Cell[];
}
