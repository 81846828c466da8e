#!/usr/bin/env node
// `npm run bench`: runs every benchmark and writes bench/RESULTS.md.
//
//   node bench/run.mjs                 all four, then bench/RESULTS.md
//   node bench/run.mjs send import     only those (RESULTS.md is left as it is)
//
// The benchmarks are TypeScript (they use the core, the sandbox and the n8n harness as they
// are): this runner bundles them with esbuild into a temp folder (node_modules stay external
// and resolve from the repository through NODE_PATH) and runs each in its own Node process.
// Everything talks to 127.0.0.1 only, and every benchmark stops by itself (a runaway one is
// killed after BENCH_TIMEOUT_MS, default 5 min).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, arch, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'bench');
const resultsFile = join(benchDir, 'RESULTS.md');
const timeoutMs = Number(process.env.BENCH_TIMEOUT_MS ?? 5 * 60_000);

const BENCHES = [
  { key: 'send', title: '1. Send overhead — n8n PilotStatus node vs bare fetch loop', entry: 'send-overhead.ts' },
  { key: 'pacing', title: '2. Pacing — RyzeAPI token bucket against the sandbox limit', entry: 'pacing.ts' },
  { key: 'import', title: '3. Import — 100k-row CSV and XLSX', entry: 'import.ts' },
  { key: 'cold', title: '4. Cold load and package size', entry: 'cold-load.ts' },
];
// Bundled too, but run by import.ts (one child process per measured import).
const HELPERS = ['import-child.ts'];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((key) => !BENCHES.some((bench) => bench.key === key));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; choose from ${BENCHES.map((b) => b.key).join(', ')}`);
  process.exit(2);
}
const selected = wanted.length ? BENCHES.filter((bench) => wanted.includes(bench.key)) : BENCHES;
const fullRun = selected.length === BENCHES.length;

const started = performance.now();
const seconds = (msValue) => `${(msValue / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------
// 1. The built artifacts the benchmarks measure: built when missing or older than their sources.

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist' || entry === 'build') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function ensureBuilt(name, output, sources, command, args, cwd) {
  const builtAt = existsSync(output) ? statSync(output).mtimeMs : 0;
  const sourcesAt = Math.max(...sources.map((source) => newestMtime(join(root, source))));
  if (builtAt && builtAt >= sourcesAt) return `${name}: ${relative(root, output)} is up to date`;
  const why = builtAt ? 'older than its sources' : 'missing';
  console.log(`${name}: ${relative(root, output)} ${why}, building: ${command} ${args.join(' ')} (in ${relative(root, cwd) || '.'})`);
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0 || !existsSync(output)) {
    console.error(`${name}: build failed`);
    process.exit(1);
  }
  return `${name}: built (${why})`;
}

const buildNotes = [
  ensureBuilt('n8n package', join(root, 'n8n/dist/nodes/PilotStatus/PilotStatus.node.js'), ['shared', 'n8n/nodes', 'n8n/credentials', 'n8n/host', 'n8n/build.mjs'], process.execPath, ['n8n/build.mjs'], root),
  ...['pilotstatus', 'ryzeapi'].map((app) =>
    ensureBuilt(
      `Zapier ${app}`,
      join(root, `zapier/${app}/dist/index.js`),
      ['shared', 'zapier/common', `zapier/${app}/src`, 'zapier/build.mjs'],
      'npm',
      ['run', '--silent', '_zapier-build'],
      join(root, 'zapier', app),
    ),
  ),
];
for (const note of buildNotes) console.log(note);

// ---------------------------------------------------------------------------
// 2. Bundle the benchmarks.

const outDir = mkdtempSync(join(tmpdir(), 'whatsapp-pack-bench-'));
process.on('exit', () => rmSync(outDir, { recursive: true, force: true }));
await build({
  entryPoints: [...selected.map((bench) => bench.entry), ...HELPERS].map((entry) => join(benchDir, entry)),
  outdir: outDir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
});

// ---------------------------------------------------------------------------
// 3. Run them, one process each, echoing their output as it comes.

let current;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (current?.pid) killGroup(current.pid);
    process.exit(130);
  });
}

function killGroup(pid) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function runBench(bench) {
  const file = join(outDir, bench.entry.replace(/\.ts$/, '.cjs'));
  return new Promise((resolveRun) => {
    const benchStarted = performance.now();
    const child = spawn(process.execPath, [file], {
      cwd: root,
      env: { ...process.env, NODE_PATH: join(root, 'node_modules'), BENCH_ROOT: root, BENCH_OUT: outDir, N8N_LOG_LEVEL: 'silent', N8N_DIAGNOSTICS_ENABLED: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so a timeout also stops the processes it started.
      detached: true,
    });
    current = child;
    const lines = [];
    const rows = [];
    let pending = '';
    let timedOut = false;
    const onLine = (text) => {
      if (text.startsWith('##RESULT ')) {
        rows.push(...JSON.parse(text.slice('##RESULT '.length)).rows);
        return;
      }
      lines.push(text);
      console.log(`  ${text}`);
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      pending += chunk;
      const parts = pending.split('\n');
      pending = parts.pop();
      parts.forEach(onLine);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      for (const text of chunk.split('\n').filter(Boolean)) {
        lines.push(`[stderr] ${text}`);
        console.error(`  [stderr] ${text}`);
      }
    });
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (pending) onLine(pending);
      current = undefined;
      const elapsed = performance.now() - benchStarted;
      const error = timedOut ? `killed after ${seconds(timeoutMs)}` : code !== 0 ? `exited with code ${code}` : rows.length === 0 ? 'reported no result' : undefined;
      resolveRun({ bench, lines, rows, elapsed, error });
    });
  });
}

const machine = {
  date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  node: process.version,
  cpu: cpus()[0]?.model?.trim() ?? 'unknown',
  cores: cpus().length,
  memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
  os: `${platform()} ${release()} ${arch()}`,
};
console.log(`\nmachine: node ${machine.node}, ${machine.cpu} × ${machine.cores} cores, ${machine.memory} RAM, ${machine.os}\n`);

const results = [];
for (const bench of selected) {
  console.log(`== ${bench.title}`);
  const result = await runBench(bench);
  results.push(result);
  console.log(`   (${seconds(result.elapsed)}${result.error ? `, FAILED: ${result.error}` : ''})\n`);
}
const totalMs = performance.now() - started;

// ---------------------------------------------------------------------------
// 4. Summary, and bench/RESULTS.md on a full run.

const summary = [];
for (const result of results) {
  if (result.error) summary.push({ benchmark: result.bench.title, figure: '—', goal: '—', met: false, verdict: `benchmark failed: ${result.error}` });
  summary.push(...result.rows);
}
const metCount = summary.filter((row) => row.met).length;
console.log('== Summary');
for (const row of summary) console.log(`  ${row.met ? 'met    ' : 'NOT MET'}  ${row.benchmark}: ${row.figure} (goal ${row.goal})`);
console.log(`\n${metCount} of ${summary.length} goals met; whole bench ${seconds(totalMs)}`);

const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const markdown = [
  '# Benchmark results',
  '',
  'Written by `npm run bench` (`node bench/run.mjs`) on its latest full run; what each benchmark',
  'measures and how is described in `bench/README.md`. Every ratio is against a baseline measured',
  'in the same run on the same machine.',
  '',
  '| machine | |',
  '| --- | --- |',
  `| date | ${machine.date} |`,
  `| node | ${machine.node} |`,
  `| CPU | ${cell(machine.cpu)} |`,
  `| cores | ${machine.cores} |`,
  `| memory | ${machine.memory} |`,
  `| OS | ${machine.os} |`,
  `| whole bench | ${seconds(totalMs)} |`,
  '',
  '## Summary',
  '',
  `${metCount} of ${summary.length} goals met.`,
  '',
  '| benchmark | figure | goal | result |',
  '| --- | --- | --- | --- |',
  ...summary.map((row) => `| ${cell(row.benchmark)} | ${cell(row.figure)} | ${cell(row.goal)} | ${row.met ? 'met' : `**${cell(row.verdict)}**`} |`),
  '',
  '## Output',
  '',
  ...results.flatMap((result) => [
    `### ${result.bench.title} (${seconds(result.elapsed)})`,
    '',
    '```text',
    ...result.lines,
    ...(result.error ? [`FAILED: ${result.error}`] : []),
    '```',
    '',
  ]),
  'Build step of this run:',
  '',
  ...buildNotes.map((note) => `- ${note}`),
  '',
].join('\n');

if (fullRun) {
  writeFileSync(resultsFile, markdown);
  console.log(`wrote ${relative(root, resultsFile)}`);
} else {
  console.log(`partial run (${selected.map((bench) => bench.key).join(', ')}): ${relative(root, resultsFile)} not written`);
}
process.exitCode = results.some((result) => result.error) ? 1 : 0;
