/**
 * The whole demo stack: the sandbox (both services), a real n8n with this pack loaded, and the
 * demo owner, credentials and example workflows inside it. `npm start` and the e2e tests use it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { DEMO_OWNER, provisionDemo, type ProvisionedDemo } from './demo';
import { N8nRest } from './n8n-rest';
import { startN8n, type N8nServer } from './n8n-server';
import { ensureRuntime, type Runtime } from './runtime';

export { DEMO_OWNER, DEMO_CREDENTIALS, provisionDemo } from './demo';
export { N8nRest } from './n8n-rest';
export type { N8nExecution, N8nWorkflow } from './n8n-rest';
export { defaultRuntimeDir } from './runtime';

export interface StackOptions {
  /** The repository root (built package in `n8n/dist`, examples in `examples/n8n`). */
  readonly root: string;
  readonly runtimeDir: string;
  /** n8n's home and the sandbox database live here, so a restart keeps them. */
  readonly dataDir: string;
  readonly sandboxPort: number;
  readonly n8nPort: number;
  /** Sandbox message processing interval (status steps, webhook deliveries). */
  readonly stepMs?: number;
  readonly log: (line: string) => void;
  /** One line per sandbox request; none by default. */
  readonly sandboxLog?: (line: string) => void;
}

export interface Stack {
  readonly runtime: Runtime;
  readonly sandbox: RunningSandbox;
  readonly n8n: N8nServer;
  readonly rest: N8nRest;
  readonly demo: ProvisionedDemo;
  /** Stops n8n, then the sandbox. Safe to call twice. */
  close(): Promise<void>;
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const extensionsDir = join(options.root, 'n8n', 'dist');
  if (!existsSync(join(extensionsDir, 'lib', 'pack.js'))) throw new Error(`The n8n package is not built (${extensionsDir}); run npm run build:n8n.`);
  const runtime = await ensureRuntime({ dir: options.runtimeDir, log: options.log });

  const sandbox = await startSandbox({
    port: options.sandboxPort,
    databasePath: join(options.dataDir, 'sandbox.db'),
    ...(options.stepMs ? { stepMs: options.stepMs } : {}),
    log: options.sandboxLog ?? (() => undefined),
  });
  options.log(`Sandbox (PilotStatus + RyzeAPI) listening on ${sandbox.url}`);

  let n8n: N8nServer | undefined;
  const close = once(async () => {
    await n8n?.stop();
    await sandbox.close();
  });
  try {
    options.log(`Starting n8n ${runtimeVersion(runtime)} with the pack loaded (log: ${join(options.dataDir, 'n8n.log')})…`);
    n8n = await startN8n({ runtime, port: options.n8nPort, userFolder: join(options.dataDir, 'n8n'), extensionsDir, logFile: join(options.dataDir, 'n8n.log') });
    const rest = new N8nRest(n8n.url);
    const owner = await rest.signIn(DEMO_OWNER);
    options.log(owner === 'created' ? 'Owner account created.' : 'Signed in as the owner set up earlier.');
    const demo = await provisionDemo(rest, sandbox, examplesDir(options.root));
    return { runtime, sandbox, n8n, rest, demo, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The example workflows `npm start` imports. */
export const examplesDir = (root: string): string => join(root, 'examples', 'n8n');

const runtimeVersion = (runtime: Runtime) => runtime.n8n.match(/n8n-([\d.]+)/)?.[1] ?? '';

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}
