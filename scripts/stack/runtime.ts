/**
 * The real n8n that `npm start` and the end-to-end tests run: installed by the project itself,
 * once, under `.runtime/` (or PACK_RUNTIME_DIR), from the npm registry only.
 *
 * n8n 2.x needs Node 24 (its `isolated-vm` ships prebuilt binaries for 24 only), so Node 24 comes
 * first, as the registry's `node-<platform>-<arch>` package; n8n is then installed by npm running
 * on that Node, so native add-ons (sqlite3, isolated-vm) are built or picked for it.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const N8N_VERSION = '2.41.1';
export const N8N_NODE_VERSION = '24.21.0';
/**
 * Versions n8n's tree asks for that the registry cannot serve: `xlsx` points at a CDN tarball,
 * and linkedom 0.18.15 needs `cssomnom`, which the registry does not carry.
 */
export const N8N_OVERRIDES: Readonly<Record<string, string>> = { xlsx: 'npm:@e965/xlsx@0.20.3', linkedom: '0.18.14' };

/** The native add-ons n8n needs to start: its SQLite database and the expression sandbox. */
export const N8N_NATIVE_ADDONS: readonly string[] = ['sqlite3', 'isolated-vm'];

export interface Runtime {
  /** Node 24's `node`. */
  readonly node: string;
  /** n8n's CLI entry (run it with `node`). */
  readonly n8n: string;
  readonly dir: string;
}

export interface RuntimeOptions {
  readonly dir: string;
  /** Progress lines for a human. */
  readonly log: (line: string) => void;
}

export const defaultRuntimeDir = (root: string): string => resolve(process.env.PACK_RUNTIME_DIR ?? join(root, '.runtime'));

/** Installs what is missing and returns the paths; a second call with everything in place is instant. */
export async function ensureRuntime({ dir, log }: RuntimeOptions): Promise<Runtime> {
  const node = await ensureNode(dir, log);
  const n8n = await ensureN8n(dir, node, log);
  return { node, n8n, dir };
}

async function ensureNode(dir: string, log: (line: string) => void): Promise<string> {
  const pkg = `node-${process.platform}-${process.arch}`;
  const prefix = join(dir, `node-${N8N_NODE_VERSION}`);
  const node = join(prefix, 'node_modules', pkg, 'bin', 'node');
  if (existsSync(node)) return node;
  log(`Installing Node ${N8N_NODE_VERSION} for n8n (${pkg} from the npm registry)…`);
  mkdirSync(prefix, { recursive: true });
  await runNpm(process.execPath, ['install', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', '--prefix', prefix, `${pkg}@${N8N_NODE_VERSION}`], {
    cwd: prefix,
    logFile: join(dir, 'node-install.log'),
  });
  if (!existsSync(node)) throw new Error(`Node ${N8N_NODE_VERSION} did not install as ${node}; see ${join(dir, 'node-install.log')}`);
  return node;
}

async function ensureN8n(dir: string, node: string, log: (line: string) => void): Promise<string> {
  const prefix = join(dir, `n8n-${N8N_VERSION}`);
  const entry = join(prefix, 'node_modules', 'n8n', 'bin', 'n8n');
  const marker = join(prefix, '.installed.json');
  const wanted = JSON.stringify({ n8n: N8N_VERSION, node: N8N_NODE_VERSION, overrides: N8N_OVERRIDES });
  if (existsSync(entry) && existsSync(marker) && readFileSync(marker, 'utf8') === wanted) return entry;

  mkdirSync(prefix, { recursive: true });
  writeFileSync(
    join(prefix, 'package.json'),
    `${JSON.stringify({ name: 'n8n-runtime', private: true, description: 'n8n for npm start and the e2e tests; installed by scripts/stack/runtime.ts', dependencies: { n8n: N8N_VERSION }, overrides: N8N_OVERRIDES }, null, 2)}\n`,
  );
  const logFile = join(dir, 'n8n-install.log');
  log(`Installing n8n ${N8N_VERSION} (first start only: about 2,000 packages, a few minutes; log: ${logFile})…`);
  const started = Date.now();
  // npm runs on Node 24, so native add-ons are built against its headers.
  const env = { PATH: `${dirname(node)}:${process.env.PATH ?? ''}`, npm_config_nodedir: dirname(dirname(node)) };
  let fetched = 0;
  let reported = -1;
  const progress = setInterval(() => {
    // Once the requests stop, npm is unpacking ~2 GB: say so rather than repeat the same count.
    log(fetched === reported ? `  … unpacking and linking, ${elapsed(started)}` : `  … ${fetched.toLocaleString('en')} registry requests, ${elapsed(started)}`);
    reported = fetched;
  }, 15_000);
  try {
    // Install scripts are skipped: several of n8n's optional add-ons (Kafka, Oracle, …) download
    // sources from the internet while building. Only what n8n needs to start is built after.
    await runNpm(node, ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=http'], {
      cwd: prefix,
      logFile,
      env,
      onLine: (line) => {
        if (line.startsWith('npm http fetch')) fetched += 1;
      },
    });
  } finally {
    clearInterval(progress);
  }
  log(`  building ${N8N_NATIVE_ADDONS.join(' and ')} for Node ${N8N_NODE_VERSION} (about a minute)…`);
  // Explicitly on: under `npm start` the parent npm passes this project's ignore-scripts=true down.
  await runNpm(node, ['rebuild', '--ignore-scripts=false', ...N8N_NATIVE_ADDONS], {
    cwd: prefix,
    logFile: join(dir, 'n8n-rebuild.log'),
    env: { ...env, npm_config_ignore_scripts: 'false' },
  });
  if (!existsSync(entry)) throw new Error(`n8n did not install as ${entry}; see ${logFile}`);
  writeFileSync(marker, wanted);
  log(`n8n ${N8N_VERSION} installed in ${elapsed(started)}.`);
  return entry;
}

interface NpmRun {
  readonly cwd: string;
  readonly logFile: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly onLine?: (line: string) => void;
}

/** Runs npm's CLI on the given Node, its output to a log file; rejects with the log's tail. */
function runNpm(node: string, args: string[], { cwd, logFile, env, onLine }: NpmRun): Promise<void> {
  const log = createWriteStream(logFile);
  const child = spawn(node, [npmCli(), ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  const take = (chunk: Buffer) => {
    log.write(chunk);
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line) continue;
      onLine?.(line);
      if (!line.startsWith('npm http') && !line.startsWith('npm warn')) tail.push(line);
      if (tail.length > 20) tail.shift();
    }
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      log.end();
      if (code === 0) resolvePromise();
      else reject(new Error(`npm ${args[0]} failed (exit ${code}) in ${cwd}:\n${tail.join('\n')}\nFull log: ${logFile}`));
    });
  });
}

/** npm's CLI script: the one running this script when started by `npm start`, else the one beside `node`. */
function npmCli(): string {
  const fromNpm = process.env.npm_execpath;
  if (fromNpm && fromNpm.endsWith('.js') && existsSync(fromNpm)) return fromNpm;
  for (const candidate of [join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'), join(dirname(realpathSync(process.execPath)), 'node_modules', 'npm', 'bin', 'npm-cli.js')]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('Cannot find npm (npm-cli.js) next to this Node; run this through `npm start` or `npm run test:e2e`.');
}

function elapsed(since: number): string {
  const seconds = Math.round((Date.now() - since) / 1000);
  return seconds >= 60 ? `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s` : `${seconds}s`;
}
