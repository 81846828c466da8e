/** Everything a sandbox run can be told; the CLI maps its flags onto this. */
export interface SandboxOptions {
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  /** A file keeps data across restarts; `:memory:` starts empty every time (tests). */
  readonly databasePath: string;
  /** Seed demo keys, numbers, templates, instances and tags into an empty database. */
  readonly seed: boolean;
  /** RyzeAPI's global limit per token: requests allowed per window. */
  readonly ryzeRateLimit: { readonly limit: number; readonly windowMs: number };
  /**
   * Message processing (labels, status steps, webhook deliveries) runs by itself every `stepMs`.
   * `false` leaves it to `POST /_sandbox/process`, so tests decide when time passes.
   */
  readonly autoProcess: boolean;
  readonly stepMs: number;
  /** Every Nth webhook delivery is sent twice on purpose (0 = never); receivers dedupe on `data.id`. */
  readonly duplicateDeliveryEvery: number;
  /** Attempts per webhook delivery before it is logged as failed. */
  readonly webhookAttempts: number;
  readonly webhookRetryDelayMs: number;
  /** One line per request; never receives a secret. */
  readonly log: (line: string) => void;
}

export const DEFAULT_OPTIONS: SandboxOptions = {
  host: '127.0.0.1',
  port: 4010,
  databasePath: '.sandbox-data/sandbox.db',
  seed: true,
  ryzeRateLimit: { limit: 100, windowMs: 60_000 },
  autoProcess: true,
  stepMs: 1_000,
  duplicateDeliveryEvery: 5,
  webhookAttempts: 3,
  webhookRetryDelayMs: 1_000,
  log: (line) => console.log(line),
};

/**
 * For tests and benchmarks: a free port, an in-memory database, no log, and nothing happening on
 * its own — processing only on `/_sandbox/process`, no duplicate or delayed webhook deliveries.
 */
export const CONTROLLED_OPTIONS: Partial<SandboxOptions> = {
  port: 0,
  databasePath: ':memory:',
  autoProcess: false,
  duplicateDeliveryEvery: 0,
  webhookRetryDelayMs: 0,
  log: () => undefined,
};
