import type { SandboxClock } from './clock';
import type { SandboxDatabase } from './db/database';
import type { FaultRegistry } from './faults';
import type { SandboxOptions } from './options';

/** One request as the inspection endpoint shows it: the route pattern, never the raw URL. */
export interface RequestRecord {
  readonly method: string;
  readonly route: string;
  readonly status: number;
  readonly fault?: string;
  readonly at: string;
}

/** A unit of background work (message steps, webhook deliveries, sweeps). */
export type ProcessingStep = () => Promise<void> | void;

export interface SandboxContext {
  readonly db: SandboxDatabase;
  readonly clock: SandboxClock;
  readonly options: SandboxOptions;
  readonly faults: FaultRegistry;
  readonly requests: RequestRecord[];
  /** Key for `destinationHash`: random per database, kept in `meta`. */
  readonly hashKey: string;
  /** Background steps run by the timer (autoProcess) or by `POST /_sandbox/process`. */
  readonly processingSteps: ProcessingStep[];
  /** Runs every step once, in registration order. */
  process(): Promise<void>;
  /** Hooks called after a reset (in-memory state of the services is cleared). */
  readonly resetHooks: (() => void)[];
}
