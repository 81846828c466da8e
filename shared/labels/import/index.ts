export { importContacts, importContactsFromBuffer } from './import';
export type { ImportResult } from './import';
export {
  PHONE_HEADERS,
  GROUP_HEADERS,
  NAME_HEADERS,
  normalizeHeader,
  columnKind,
  recognizeColumns,
  uniqueKey,
  untitledKey,
} from './columns';
export type { ColumnKind, ColumnLayout, RecognizedColumn, ExtraKey } from './columns';
export { readRow, EMPTY_ROW } from './rows';
export type { RowContact, RowReading } from './rows';
export { cellText, isBlankCell } from './cells';
export { DestinationLog, duplicateIssue } from './duplicates';
export type { Repeat } from './duplicates';
export { detectDelimiter, sniffEncoding, HeaderLineScanner, SNIFF_BYTES } from './csv-dialect';
export type { CsvDialect } from './csv-dialect';
export { csvRows, decodeText, MAX_ROW_BYTES } from './csv';
export { xlsxRows, looksLikeXlsx, looksLikeXls } from './xlsx';
export { byteChunks, CHUNK_BYTES } from './input';
export { FILE_FIELD } from './file-error';
export type * from './types';
