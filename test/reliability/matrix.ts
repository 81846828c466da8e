/**
 * The fault matrix shared by both hosts: which faults, how the sandbox injects them, what each
 * must become for an operation of each kind, the per-origin timeouts the host knobs read, and the
 * runner both hosts' rows go through (each host brings only how it makes a row's calls).
 */
import { NetworkError, type ApiService, type NetworkFailureReason } from '../../shared/errors';
import type { RateLimiterRegistry } from '../../shared/http';
import { PILOTSTATUS_ERRORS } from '../../shared/pilotstatus';
import { RYZEAPI_ERRORS } from '../../shared/ryzeapi';
import { DEMO, startTestSandbox, type TestSandbox } from '../sandbox/harness';
import { ROOMY } from '../sandbox/ryze-helpers';

export { DEMO };

export type FaultName = '429' | '500' | '502' | '503' | 'drop' | 'drop_after' | 'timeout';
export const FAULTS: readonly FaultName[] = ['429', '500', '502', '503', 'drop', 'drop_after', 'timeout'];

/**
 * Both hosts call with 25–30 s timeouts (n8n: the core's 30 s default; Zapier: 25 s), too long to
 * wait out in a test. Each host file shortens the timeout of exactly one request — the first one
 * to the faulted route of one sandbox, in that sandbox's timeout cell (see n8n-host.ts /
 * zapier-host.ts) — and the sandbox delays that request's handling well past it. Every other
 * request keeps the host's own timeout, so a busy machine cannot turn them into false timeouts.
 */
export const SHORT_TIMEOUT_MS = 300;
export const SLOW_ANSWER_MS = 1_000;

interface ShortTimeout {
  readonly method: string;
  readonly path: RegExp;
  remaining: number;
  /** When the shortened request left: the sandbox handles it SLOW_ANSWER_MS after it arrives. */
  sentAt?: number;
}
const shortTimeouts = new Map<string, ShortTimeout>();

/** The shortened timeout for a request, if it is the faulted request of a timeout cell. */
export function shortTimeoutFor(method: string | undefined, url: string | undefined): number | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const entry = shortTimeouts.get(parsed.origin);
  if (!entry || entry.remaining <= 0 || (method ?? 'GET').toUpperCase() !== entry.method || !entry.path.test(parsed.pathname)) return undefined;
  entry.remaining -= 1;
  entry.sentAt = Date.now();
  return SHORT_TIMEOUT_MS;
}

/** `/v1/messages/:id` → a pattern for the paths the route serves. */
const routePattern = (route: string) => new RegExp(`^${route.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+')}$`);

/** Operation kinds: what a repeat of the call may cause decides how each fault must end. */
export type Kind = 'idempotent' | 'create';

/** How the sandbox is told to fail the next matching request (POST /_sandbox/faults). */
export function faultSpec(service: ApiService, fault: FaultName): Record<string, unknown> {
  switch (fault) {
    case '429':
      return { mode: 'respond', status: 429, headers: { 'retry-after': '1' } };
    case '500':
    case '502':
      return { mode: 'respond', status: Number(fault) };
    case '503':
      // RyzeAPI's documented 503; PilotStatus gets a plain 503 (the sandbox's default 5xx body).
      return service === 'ryzeapi'
        ? { mode: 'respond', status: 503, body: { success: false, error: { message: 'Instance is not connected to WhatsApp' } } }
        : { mode: 'respond', status: 503 };
    case 'drop':
      return { mode: 'drop' };
    case 'drop_after':
      return { mode: 'drop_after' };
    case 'timeout':
      return { mode: 'delay', delayMs: SLOW_ANSWER_MS };
  }
}

export type Host = 'n8n' | 'zapier';

/**
 * What the first (faulted) item must end as: 'ok', or its error as `CODE` (`NETWORK/<reason>`
 * for a network failure; `HALTED:CODE` for a Zapier HaltedError, which carries no code field).
 *  - 429 with Retry-After: 1 is waited out and repeated (the server refused it): ok.
 *  - 5xx, a dropped connection, a lost answer, a timeout: repeated only when idempotent; a send or
 *    a create is never repeated once it may have reached the server: a clear error instead.
 *  - RyzeAPI 503 "Instance is not connected to WhatsApp" does not clear by retrying: an error at once.
 */
export function expectedOutcome(host: Host, service: ApiService, kind: Kind, fault: FaultName): string {
  if (fault === '429') return 'ok';
  if (fault === '503' && service === 'ryzeapi') return host === 'zapier' ? 'HALTED:INSTANCE_NOT_CONNECTED' : 'INSTANCE_NOT_CONNECTED';
  if (kind === 'idempotent') return 'ok';
  if (fault === 'drop' || fault === 'drop_after') return 'NETWORK/connection_reset';
  if (fault === 'timeout') return 'NETWORK/timeout';
  return 'SERVER_ERROR';
}

/**
 * Whether the faulted call's effect exists at the service afterwards: a success, a lost answer
 * (drop_after) and a timeout all mean it happened — the sandbox's slow answer has read the request
 * and handles it after the client gave up, so the effect lands late, exactly once.
 */
export const effectLanded = (fault: FaultName, outcome: string): boolean => outcome === 'ok' || fault === 'drop_after' || fault === 'timeout';

/** Runs one cell: injects the fault, runs the host, waits out a delayed request, restores timeouts. */
export async function withFault<T>(sb: TestSandbox, service: ApiService, method: string, route: string, fault: FaultName, run: () => Promise<T>): Promise<T> {
  const injected = await sb.http('POST', '/_sandbox/faults', { body: { method, route, count: 1, ...faultSpec(service, fault) } });
  if (injected.status !== 201) throw new Error(`fault not accepted: ${JSON.stringify(injected.body)}`);
  const origin = new URL(sb.sandbox.url).origin;
  const short: ShortTimeout = { method, path: routePattern(route), remaining: 1 };
  if (fault === 'timeout') shortTimeouts.set(origin, short);
  try {
    return await run();
  } finally {
    shortTimeouts.delete(origin);
    // The delayed request is still being handled: read the sandbox only once it is done.
    if (fault === 'timeout' && short.sentAt !== undefined) await sleep(Math.max(0, short.sentAt + SLOW_ANSWER_MS + 150 - Date.now()));
    const left = (await sb.http('GET', '/_sandbox/faults')).body as { faults: unknown[] };
    if (left.faults.length > 0) throw new Error(`the ${fault} fault on ${method} ${route} was never used: the cell did not exercise it`);
    if (fault === 'timeout' && short.remaining !== 0) throw new Error(`the host timeout of ${method} ${route} was not shortened: the cell did not exercise it`);
  }
}

export type Dump = Record<string, Record<string, unknown>[]>;
export type Setup = Record<string, unknown>;

/**
 * What one operation's cells must show in the sandbox, whichever host made the calls: the effects
 * are the service's, not the host's. scenarios.ts holds those both hosts share.
 */
export interface Scenario {
  readonly service: ApiService;
  readonly kind: Kind;
  readonly method: string;
  readonly route: string;
  setup?(sb: TestSandbox): Promise<Setup>;
  /** Counted in the sandbox afterwards. */
  effects(dump: Dump, setup: Setup): Record<string, number>;
  /** What the counts must be, given whether each call's effect landed and how each call ended. */
  expected(landed: boolean[], items: string[]): Record<string, number>;
}

/** A row of one host's matrix; its setup may need what the host loaded (n8n: trigger nodes). */
export interface MatrixRow<Loaded> extends Omit<Scenario, 'setup'> {
  readonly name: string;
  setup?(sb: TestSandbox, loaded: Loaded): Promise<Setup>;
}

/** How a host's two calls ended: per call 'ok' or its outcome; effects only the host can see. */
export interface HostRun {
  readonly items: string[];
  readonly problems: string[];
  readonly effects?: Record<string, number>;
}

/** What differs between the hosts' matrices: what is loaded once, and how a row's two calls are made. */
export interface MatrixHost<Loaded, R extends MatrixRow<Loaded>> {
  readonly host: Host;
  load(): Promise<Loaded>;
  /** Makes the row's two calls; the fault hits the first call's request. */
  run(sb: TestSandbox, row: R, loaded: Loaded, setup: Setup): Promise<HostRun>;
}

/** One test per row, each asserting all its cells exactly (see startRows for how they run). */
export function describeFaultMatrix<Loaded, R extends MatrixRow<Loaded>>(title: string, rows: readonly R[], host: MatrixHost<Loaded, R>): void {
  // A row's cells wait out 429s, backoffs and slow answers one fault after another.
  jest.setTimeout(90_000);
  let cellsOf: (row: R) => Promise<Array<{ seen: CellResult; expected: CellResult }>>;
  beforeAll(async () => {
    const loaded = await host.load();
    cellsOf = startRows(rows, async (row) => {
      const sb = await startMatrixSandbox();
      try {
        const cells = [];
        for (const fault of FAULTS) {
          const seen = await runCell(sb, row, fault, host, loaded);
          cells.push({ seen, expected: expectedCell(host.host, row, fault) });
        }
        return cells;
      } finally {
        await sb.close();
      }
    });
  });

  describe(title, () => {
    it.each(rows.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
      const cells = await cellsOf(row);
      expect(cells).toHaveLength(FAULTS.length);
      for (const { seen, expected } of cells) expect(seen).toEqual(expected);
    });
  });
}

async function runCell<Loaded, R extends MatrixRow<Loaded>>(sb: TestSandbox, row: R, fault: FaultName, host: MatrixHost<Loaded, R>, loaded: Loaded): Promise<CellResult> {
  await sb.http('POST', '/_sandbox/reset');
  const setup = (await row.setup?.(sb, loaded)) ?? {};
  const seen = await withFault(sb, row.service, row.method, row.route, fault, () => host.run(sb, row, loaded, setup));
  const dump = (await sb.dump()) as Dump;
  return { cell: `${row.name} × ${fault}`, items: seen.items, effects: { ...row.effects(dump, setup), ...seen.effects }, problems: seen.problems };
}

function expectedCell(host: Host, row: MatrixRow<unknown>, fault: FaultName): CellResult {
  const first = expectedOutcome(host, row.service, row.kind, fault);
  const items = [first, 'ok'];
  // The second call is never faulted: its effect always lands.
  return { cell: `${row.name} × ${fault}`, items, effects: row.expected([effectLanded(fault, first), true], items), problems: [] };
}

/**
 * Runs every row's cells concurrently (each row on its own sandbox) as soon as it is called; each
 * row's test then awaits its own cells. Rows wait on 429s, backoffs and slow answers, not on CPU.
 */
export function startRows<R extends { readonly name: string }>(rows: readonly R[], runRow: (row: R) => Promise<Array<{ seen: CellResult; expected: CellResult }>>) {
  const running = new Map(rows.map((row) => [row.name, runRow(row)] as const));
  for (const promise of running.values()) promise.catch(() => undefined); // reported by the row's own test
  return (row: R) => running.get(row.name)!;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sandboxes for the matrix: roomy RyzeAPI limit (the limit itself is not under test here). */
export const startMatrixSandbox = () => startTestSandbox(ROOMY);

/** Lifts the client-side RyzeAPI pacing (100/min per token) for the demo tokens in one registry. */
export function liftRyzePacing(registry: RateLimiterRegistry): void {
  for (const token of [DEMO.ryzeInstanceToken, DEMO.ryzeAccountToken, DEMO.ryzeOfflineToken]) {
    registry.forSecret('ryzeapi', token, { capacity: 1_000_000, refillTokens: 1_000_000, refillIntervalMs: 1_000 });
  }
}

// ---------------------------------------------------------------------------------------------
// reading errors

const NETWORK_REASONS: NetworkFailureReason[] = ['connection_refused', 'dns', 'unreachable', 'connect_timeout', 'tls', 'connection_reset', 'timeout', 'aborted', 'unknown'];

/** The reason whose NetworkError message a text starts with (Zapier shows the message only). */
export function networkReasonOf(service: ApiService, message: string): NetworkFailureReason | undefined {
  return NETWORK_REASONS.find((reason) => message.startsWith(new NetworkError(service, reason).message));
}

/** The core rule whose message a text starts with (a Zapier HaltedError shows message + hint only). */
export function ruleCodeOf(service: ApiService, message: string): string | undefined {
  const rules = service === 'pilotstatus' ? PILOTSTATUS_ERRORS : RYZEAPI_ERRORS;
  return rules.find((rule) => message.startsWith(rule.message))?.code;
}

/** Words that give away an error built from nothing (a missing field, an object printed as text). */
export const SLOPPY_TEXT = /\bundefined\b|\[object Object\]|\bnull\b|\bNaN\b/;

/** Every "typed error" rule a per-item error must meet; returns what it breaks. */
export function errorProblems(where: string, error: { name?: unknown; code?: unknown; message?: unknown }, names: readonly string[]): string[] {
  const problems: string[] = [];
  if (typeof error.name !== 'string' || !names.includes(error.name)) problems.push(`${where}: untyped error ${String(error.name)}`);
  if (typeof error.code !== 'string' || !/^[A-Z][A-Z_]+$/.test(error.code)) problems.push(`${where}: no code (${String(error.code)})`);
  if (typeof error.message !== 'string' || error.message.trim().length < 10) problems.push(`${where}: no message`);
  else if (SLOPPY_TEXT.test(error.message)) problems.push(`${where}: sloppy message "${error.message}"`);
  return problems;
}

/** One cell's observation, compared in one go with what the table expects. */
export interface CellResult {
  readonly cell: string;
  /** Per input item: 'ok' or its error (see expectedOutcome). */
  readonly items: string[];
  /** Counted in the sandbox afterwards. */
  readonly effects: Record<string, number>;
  /** Broken typed-error or lost-item rules. */
  readonly problems: string[];
}
