import { destinationKey } from '../../destinations';
import { issue, type ValidationIssue } from '../../errors';
import type { ImportedDestination } from './types';

export interface Repeat {
  /** The row that first held the destination. */
  readonly firstRow: number;
  /** This row's name now belongs to the first row's contact, which had none. */
  readonly fillsName: boolean;
}

/**
 * Remembers each destination's first row, so a file that lists a contact twice adds it once.
 * One small entry per distinct destination: the only state the import keeps across rows.
 */
export class DestinationLog {
  private readonly firstSeen = new Map<string, { readonly row: number; named: boolean }>();

  /**
   * Records a row's destination. For a repeat it says which row came first and whether this row's
   * name fills that row's empty name — the dashboard's rule for an import row whose destination
   * is already in the label with an empty name. Only the first name fills; later ones don't
   * overwrite it, just as a stored name is kept.
   */
  visit(destination: ImportedDestination, name: string, row: number): Repeat | undefined {
    const key = destinationKey(destination);
    const first = this.firstSeen.get(key);
    if (!first) {
      this.firstSeen.set(key, { row, named: name !== '' });
      return undefined;
    }
    const fillsName = !first.named && name !== '';
    if (fillsName) first.named = true;
    return { firstRow: first.row, fillsName };
  }
}

export function duplicateIssue(field: string, repeat: Repeat): ValidationIssue {
  const reason = repeat.fillsName
    ? `repeats the destination of row ${repeat.firstRow}, which had no name: this row's name was given to it`
    : `repeats the destination of row ${repeat.firstRow}: the row is skipped`;
  return issue(field, 'import.duplicate', reason);
}
