import type * as ReadExcelFile from 'read-excel-file/universal' with { 'resolution-mode': 'import' };
import { fileError } from './file-error';
import type { Cell, SheetRow } from './types';

// read-excel-file ships a CommonJS build (its `require` export) but types only for its ES
// module build, which TypeScript will not let a CommonJS file import; the types are borrowed.
// `/universal` takes an ArrayBuffer and touches no file system (the `/node` build would).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readSheet } = require('read-excel-file/universal') as typeof ReadExcelFile;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// Excel 97–2003 `.xls` (an OLE2 compound file).
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((byte, i) => bytes[i] === byte);

export const looksLikeXlsx = (head: Uint8Array): boolean => startsWith(head, ZIP_MAGIC);
export const looksLikeXls = (head: Uint8Array): boolean => startsWith(head, OLE2_MAGIC);

export const xlsError = () => unreadable('is an Excel 97–2003 (.xls) workbook, which cannot be read: save it as .xlsx or CSV');

/**
 * Reads the first sheet. read-excel-file needs the whole workbook (a zip's directory sits at its
 * end), so this holds the file and its cells in memory; CSV is the format for very large lists.
 * Rows keep their sheet positions (empty rows are present), so index + 1 is the row number.
 */
export async function xlsxRows(workbook: Uint8Array): Promise<SheetRow[]> {
  let sheet: unknown[][];
  try {
    // A fresh copy: its ArrayBuffer holds exactly the file (a Node Buffer often shares a larger pool).
    sheet = (await readSheet(new Uint8Array(workbook).buffer)) as unknown[][];
  } catch (error) {
    throw unreadable(`is not a readable .xlsx workbook (${describeXlsxFailure(error)})`);
  }
  // The library types a date cell as `typeof Date`; at run time it is a Date instance.
  return sheet.map((cells, index) => ({ row: index + 1, cells: cells as Cell[] }));
}

function unreadable(reason: string) {
  return fileError('import.xlsx_unreadable', reason, 'Open the file in Excel or Google Sheets and save it again as .xlsx or CSV.');
}

// By name and code rather than instanceof: a bundler may load the library's classes twice.
function describeXlsxFailure(error: unknown): string {
  const { name, code } = (typeof error === 'object' && error !== null ? error : {}) as { name?: unknown; code?: unknown };
  if (name === 'InvalidInputError') {
    if (code === 'XLS_FILE_NOT_SUPPORTED') return 'it is an Excel 97–2003 .xls file';
    if (code === 'INVALID_ZIP') return 'its zip container is damaged';
    return 'it is not an .xlsx file';
  }
  if (name === 'SheetNotFoundError') return 'it has no sheet';
  if (name === 'InvalidSpreadsheetError') return 'its sheet data is malformed';
  return 'its contents could not be parsed';
}
