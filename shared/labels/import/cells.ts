import type { Cell } from './types';

/** A cell that holds nothing a person would see. */
export const isBlankCell = (cell: Cell): boolean => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

/**
 * The text a cell shows, for names, headers and `extra`. XLSX cells may be numbers, booleans or
 * dates; they are written the way a CSV export of the same sheet would write them.
 */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return dateText(cell);
}

// A date-only cell (the common case: birthdays, sign-up days) keeps just its date.
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}
