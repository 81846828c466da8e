/**
 * Helpers shared by the benchmarks. Each benchmark is a TypeScript entry that `bench/run.mjs`
 * bundles with esbuild and runs in its own child process; it prints its report as plain lines
 * and, last, one `##RESULT {json}` line the runner turns into the summary table.
 */
import { resolve } from 'node:path';

/** Repository root: the runner passes it (the bundled benchmark runs from a temp folder). */
export const ROOT = resolve(process.env.BENCH_ROOT ?? process.cwd());

/** Folder holding the bundled benchmarks (the import benchmark spawns one of them). */
export const OUT_DIR = process.env.BENCH_OUT ?? '';

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const ms = (value: number): string => `${value.toFixed(value < 100 ? 1 : 0)} ms`;
export const int = (value: number): string => Math.round(value).toLocaleString('en-US');
export const ratio = (value: number): string => `${value.toFixed(2)}×`;
export const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;
/** Megabytes of 10^6 bytes (the stricter reading of a "150 MB" goal). */
export const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

export interface Goal {
  readonly met: boolean;
  /** "met" or "NOT met (… over/under the goal)". */
  readonly verdict: string;
}

/** `value` must stay at or under `limit`; `show` formats a value (and the miss). */
export function atMost(value: number, limit: number, show: (n: number) => string): Goal {
  if (value <= limit) return { met: true, verdict: 'met' };
  return { met: false, verdict: `NOT met — ${miss(value - limit, show)} over the goal (${versus(value, '≤', limit, show)})` };
}

/** `value` must reach at least `floor`. */
export function atLeast(value: number, floor: number, show: (n: number) => string): Goal {
  if (value >= floor) return { met: true, verdict: 'met' };
  return { met: false, verdict: `NOT met — ${miss(floor - value, show)} short of the goal (${versus(value, '≥', floor, show)})` };
}

// A miss too small for the display format is shown with more digits, never as "0.00 over".
const miss = (gap: number, show: (n: number) => string) => (show(gap) === show(0) ? `${gap.toPrecision(2)}` : show(gap));
const versus = (value: number, op: string, goal: number, show: (n: number) => string) =>
  show(value) === show(goal) ? `${value.toFixed(4)} vs ${op} ${goal}` : `${show(value)} vs ${op} ${show(goal)}`;

/** One row of the summary table in bench/RESULTS.md. */
export interface SummaryRow {
  readonly benchmark: string;
  readonly figure: string;
  readonly goal: string;
  readonly met: boolean;
  readonly verdict: string;
}

export function emitResult(rows: readonly SummaryRow[]): void {
  console.log(`##RESULT ${JSON.stringify({ rows })}`);
}

export const line = (text = ''): void => console.log(text);

/** Runs `work` over `items` with at most `concurrency` calls in flight. */
export async function pool<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** Distinct Brazilian mobile numbers (+55 11 9xxxx-xxxx), `n` from 0 to 99,999,999. */
export const brMobile = (n: number): string => `+55119${String(n).padStart(8, '0')}`;
