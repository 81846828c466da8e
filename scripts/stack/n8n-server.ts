/** Starts and stops a real n8n process with this pack loaded as a custom extension. */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Runtime } from './runtime';

export interface N8nServerOptions {
  readonly runtime: Runtime;
  readonly port: number;
  /** n8n's home (database, encryption key, settings): kept between starts. */
  readonly userFolder: string;
  /** The built package folder (`n8n/dist`), loaded through N8N_CUSTOM_EXTENSIONS. */
  readonly extensionsDir: string;
  readonly logFile: string;
  /** How long n8n may take to answer /healthz. */
  readonly bootTimeoutMs?: number;
}

export interface N8nServer {
  readonly url: string;
  readonly logFile: string;
  stop(): Promise<void>;
}

export async function startN8n(options: N8nServerOptions): Promise<N8nServer> {
  const url = `http://127.0.0.1:${options.port}`;
  mkdirSync(options.userFolder, { recursive: true });
  mkdirSync(dirname(options.logFile), { recursive: true });
  const out = openSync(options.logFile, 'a');
  const child = spawn(options.runtime.node, [options.runtime.n8n, 'start'], {
    env: {
      ...process.env,
      N8N_USER_FOLDER: options.userFolder,
      N8N_CUSTOM_EXTENSIONS: options.extensionsDir,
      N8N_PORT: String(options.port),
      N8N_LISTEN_ADDRESS: '127.0.0.1',
      N8N_HOST: '127.0.0.1',
      N8N_WEBHOOK_URL: `${url}/`,
      N8N_EDITOR_BASE_URL: `${url}/`,
      // Plain http on loopback: the login cookie must not require https.
      N8N_SECURE_COOKIE: 'false',
      // A closed network: no telemetry, version checks, templates or banners to fetch.
      N8N_DIAGNOSTICS_ENABLED: 'false',
      N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
      N8N_TEMPLATES_ENABLED: 'false',
      N8N_PERSONALIZATION_ENABLED: 'false',
      N8N_HIRING_BANNER_ENABLED: 'false',
      N8N_COMMUNITY_PACKAGES_ENABLED: 'false',
      // Its hourly fetch of api.n8n.io only fills the log with DNS errors here.
      N8N_DISABLED_MODULES: 'mcp-registry',
      N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
      N8N_LOG_OUTPUT: 'console',
      N8N_LOG_LEVEL: 'info',
      DB_SQLITE_POOL_SIZE: '2',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', out, out],
  });
  closeSync(out);

  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await waitUntilHealthy(url, exited, options.bootTimeoutMs ?? 120_000, options.logFile);
  } catch (error) {
    await stopChild(child, exited);
    throw error;
  }
  return { url, logFile: options.logFile, stop: () => stopChild(child, exited) };
}

async function waitUntilHealthy(url: string, exited: Promise<number | null>, timeoutMs: number, logFile: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gone: number | null | undefined;
  void exited.then((code) => (gone = code));
  while (Date.now() < deadline) {
    if (gone !== undefined) throw new Error(`n8n exited (code ${gone}) while starting:\n${tailOf(logFile)}`);
    try {
      const response = await fetch(`${url}/healthz/readiness`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`n8n did not become ready within ${Math.round(timeoutMs / 1000)} s:\n${tailOf(logFile)}`);
}

/** SIGTERM lets n8n close its database; SIGKILL only if it hangs. */
async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

function tailOf(file: string, lines = 25): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
