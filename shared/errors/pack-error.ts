/**
 * Root of every error the pack raises on purpose. Hosts catch `PackError` and map it
 * (n8n → NodeApiError / NodeOperationError, Zapier → z.errors.*) without re-deriving text.
 */
export abstract class PackError extends Error {
  /** Stable machine-readable code, e.g. `VALIDATION_FAILED` or `INSTANCE_NOT_CONNECTED`. */
  abstract readonly code: string;
  /** What the user can do about it, in plain English. */
  readonly hint: string | undefined;

  protected constructor(message: string, hint?: string) {
    super(message);
    this.name = new.target.name;
    this.hint = hint;
  }

  /** A plain, serializable view that hosts may put in an output item. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message, ...(this.hint ? { hint: this.hint } : {}) };
  }
}

export function isPackError(error: unknown): error is PackError {
  return error instanceof PackError;
}
