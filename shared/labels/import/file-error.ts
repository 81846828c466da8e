import { issue, ValidationError } from '../../errors';

/** Problems with the file as a whole are reported on the field `file`: no row can be read. */
export const FILE_FIELD = 'file';

export function fileError(rule: string, reason: string, hint?: string): ValidationError {
  return new ValidationError([issue(FILE_FIELD, rule, reason)], hint);
}

export const emptyFileError = (): ValidationError =>
  fileError('import.empty', 'is empty: it has no header row and no contacts', 'Export the sheet again and check it has a header row.');
