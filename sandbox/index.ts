import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { SandboxClock } from './clock';
import type { ProcessingStep, RequestRecord, SandboxContext } from './context';
import { SandboxDatabase } from './db/database';
import { seedDemo } from './db/seed';
import { FaultRegistry } from './faults';
import { DEFAULT_OPTIONS, type SandboxOptions } from './options';

export { DEMO } from './db/seed';
export { CONTROLLED_OPTIONS, type SandboxOptions } from './options';

export interface RunningSandbox {
  /** Origin, e.g. `http://127.0.0.1:4010`: RyzeAPI's base URL and home of `/_sandbox`. */
  readonly url: string;
  /** PilotStatus base URL (`…/v1`). */
  readonly pilotStatusUrl: string;
  readonly ryzeApiUrl: string;
  readonly context: SandboxContext;
  close(): Promise<void>;
}

export async function startSandbox(overrides: Partial<SandboxOptions> = {}): Promise<RunningSandbox> {
  const options: SandboxOptions = { ...DEFAULT_OPTIONS, ...overrides };
  const db = new SandboxDatabase(options.databasePath);
  const clock = new SandboxClock();
  if (options.seed && db.isEmpty()) seedDemo(db, clock.iso());
  const hashKey = ensureHashKey(db);

  const processingSteps: ProcessingStep[] = [];
  const requests: RequestRecord[] = [];
  let processing: Promise<void> = Promise.resolve();
  const context: SandboxContext = {
    db,
    clock,
    options,
    faults: new FaultRegistry(),
    requests,
    hashKey,
    processingSteps,
    resetHooks: [],
    // Runs are chained so the timer and an explicit /_sandbox/process never overlap.
    process: () => {
      processing = processing.then(async () => {
        for (const step of processingSteps) await step();
      });
      return processing;
    },
  };

  const app: FastifyInstance = buildApp(context);
  await app.listen({ host: options.host, port: options.port });
  const { port } = app.server.address() as AddressInfo;
  const url = `http://${options.host}:${port}`;

  const timer = options.autoProcess
    ? setInterval(() => void context.process().catch((error: Error) => options.log(`processing failed: ${error.message}`)), options.stepMs)
    : undefined;
  timer?.unref();

  return {
    url,
    pilotStatusUrl: `${url}/v1`,
    ryzeApiUrl: url,
    context,
    async close() {
      if (timer) clearInterval(timer);
      await app.close();
      await processing.catch(() => undefined);
      db.close();
    },
  };
}

function ensureHashKey(db: SandboxDatabase): string {
  const stored = db.get<{ value: string }>("SELECT value FROM meta WHERE key = 'hash_key'");
  if (stored) return stored.value;
  const key = randomBytes(32).toString('base64url');
  db.run("INSERT INTO meta (key, value) VALUES ('hash_key', ?)", [key]);
  return key;
}
