/**
 * Cold load: how long a fresh Node process takes to `require` each built deliverable, against
 * a baseline process that requires nothing (median of 5 each, interleaved). Goal ≤ 150 ms each.
 *
 * - Zapier apps: zapier/<app>/dist/index.js (what the app's index.js re-exports).
 * - n8n package: every file its package.json `n8n` section lists (nodes and credentials: what
 *   n8n's loader requires), plus any dist/nodes/<node>/<node>.node.js not listed.
 *
 * Figures: the extra wall time of the process over the empty one (the goal's figure), the
 * require time measured inside the process, and the deliverable's own share: the require time
 * with the host library (zapier-platform-core / n8n-workflow) loaded first, as it is in Zapier's
 * and n8n's runtimes. Then the n8n tarball size from `npm pack --dry-run --json`. Goal ≤ 200 kB.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

import { atMost, emitResult, int, line, median, ms, ROOT, type SummaryRow } from './lib';

const RUNS = 5;
const LOAD_GOAL_MS = 150;
const TARBALL_GOAL_BYTES = 200_000;

interface Target {
  readonly name: string;
  readonly files: string[];
  /** The library the host has loaded before it loads the deliverable. */
  readonly host: string;
}

function n8nFiles(): string[] {
  const dir = join(ROOT, 'n8n');
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { n8n: { nodes: string[]; credentials: string[] } };
  const listed = [...manifest.n8n.nodes, ...manifest.n8n.credentials].map((file) => join(dir, file));
  const nodesDir = join(dir, 'dist', 'nodes');
  const found = readdirSync(nodesDir)
    .map((node) => join(nodesDir, node, `${node}.node.js`))
    .filter((file) => existsSync(file));
  return [...new Set([...listed, ...found])];
}

/** A child that requires `files` (after `preload`, if any) and prints the require time. */
function childScript(files: string[], preload?: string): string {
  const from = files[0] ? dirname(files[0]) : ROOT;
  return [
    preload ? `require(require.resolve(${JSON.stringify(preload)}, { paths: [${JSON.stringify(from)}] }));` : '',
    'const t = process.hrtime.bigint();',
    ...files.map((file) => `require(${JSON.stringify(file)});`),
    'process.stdout.write(JSON.stringify({ requireMs: Number(process.hrtime.bigint() - t) / 1e6 }));',
  ].join('\n');
}

function timeChild(script: string): { wallMs: number; requireMs: number } {
  const env = { ...process.env };
  delete env.NODE_PATH; // resolve as the hosts do, from the files' own folders
  const started = performance.now();
  const result = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, env, encoding: 'utf8' });
  const wallMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`child failed: ${result.stderr}`);
  return { wallMs, requireMs: (JSON.parse(result.stdout) as { requireMs: number }).requireMs };
}

function main() {
  const targets: Target[] = [
    { name: 'Zapier PilotStatus app', files: [join(ROOT, 'zapier/pilotstatus/dist/index.js')], host: 'zapier-platform-core' },
    { name: 'Zapier RyzeAPI app', files: [join(ROOT, 'zapier/ryzeapi/dist/index.js')], host: 'zapier-platform-core' },
    { name: 'n8n package', files: n8nFiles(), host: 'n8n-workflow' },
  ];
  for (const target of targets) {
    for (const file of target.files) if (!existsSync(file)) throw new Error(`${relative(ROOT, file)} is missing: build first`);
  }
  const n8nTarget = targets[2]!;
  line(`n8n package files required: ${n8nTarget.files.map((file) => relative(join(ROOT, 'n8n'), file)).join(', ')}`);

  // Warm the OS file cache once, untimed.
  timeChild(childScript([]));
  for (const target of targets) timeChild(childScript(target.files));

  const empty: number[] = [];
  const wall = new Map<string, number[]>();
  const inside = new Map<string, number[]>();
  const own = new Map<string, number[]>();
  const hostOnly = new Map<string, number[]>();
  for (let run = 0; run < RUNS; run++) {
    empty.push(timeChild(childScript([])).wallMs);
    for (const target of targets) {
      const full = timeChild(childScript(target.files));
      (wall.get(target.name) ?? wall.set(target.name, []).get(target.name)!).push(full.wallMs);
      (inside.get(target.name) ?? inside.set(target.name, []).get(target.name)!).push(full.requireMs);
      const preloaded = timeChild(childScript(target.files, target.host));
      (own.get(target.name) ?? own.set(target.name, []).get(target.name)!).push(preloaded.requireMs);
    }
    for (const host of new Set(targets.map((target) => target.host))) {
      const from = dirname(targets.find((target) => target.host === host)!.files[0]!);
      const hostScript = `const t = process.hrtime.bigint(); require(require.resolve(${JSON.stringify(host)}, { paths: [${JSON.stringify(from)}] })); process.stdout.write(JSON.stringify({ requireMs: Number(process.hrtime.bigint() - t) / 1e6 }));`;
      (hostOnly.get(host) ?? hostOnly.set(host, []).get(host)!).push(timeChild(hostScript).requireMs);
    }
  }

  const baseline = median(empty);
  line(`baseline: a fresh node process requiring nothing: ${ms(baseline)} wall (median of ${RUNS}; runs ${empty.map(ms).join(', ')})`);
  line();
  const rows: SummaryRow[] = [];
  for (const target of targets) {
    const extra = median(wall.get(target.name)!) - baseline;
    const requireMs = median(inside.get(target.name)!);
    const ownMs = median(own.get(target.name)!);
    const hostMs = median(hostOnly.get(target.host)!);
    const fresh = atMost(extra, LOAD_GOAL_MS, ms);
    const ownGoal = atMost(ownMs, LOAD_GOAL_MS, ms);
    line(`${target.name} (median of ${RUNS}):`);
    line(`  process wall ${ms(median(wall.get(target.name)!))} = baseline + ${ms(extra)}; require() inside it ${ms(requireMs)}`);
    line(`    of which ${target.host} alone ${ms(hostMs)}; the ${target.name}'s own share, ${target.host} loaded first: ${ms(ownMs)}`);
    line(`  COLD LOAD in a fresh process = ${ms(extra)} over the empty process — goal ≤ ${ms(LOAD_GOAL_MS)}: ${fresh.verdict}`);
    line(`  OWN SHARE (host library already loaded, as in ${target.host === 'n8n-workflow' ? "n8n's" : "Zapier's"} runtime) = ${ms(ownMs)} — goal ≤ ${ms(LOAD_GOAL_MS)}: ${ownGoal.verdict}`);
    rows.push({
      benchmark: `4. Cold load, fresh process: ${target.name}`,
      figure: `${ms(extra)} over an empty process (${target.host} alone ${ms(hostMs)})`,
      goal: `≤ ${ms(LOAD_GOAL_MS)}`,
      met: fresh.met,
      verdict: fresh.verdict,
    });
    rows.push({
      benchmark: `4. Cold load, own share (${target.host} preloaded): ${target.name}`,
      figure: ms(ownMs),
      goal: `≤ ${ms(LOAD_GOAL_MS)}`,
      met: ownGoal.met,
      verdict: ownGoal.verdict,
    });
  }

  const pack = spawnSync('npm', ['pack', '--dry-run', '--json'], { cwd: join(ROOT, 'n8n'), encoding: 'utf8' });
  if (pack.status !== 0) throw new Error(`npm pack --dry-run failed: ${pack.stderr}`);
  const [info] = JSON.parse(pack.stdout) as { filename: string; size: number; unpackedSize: number; entryCount: number }[];
  if (!info) throw new Error('npm pack --dry-run --json printed nothing');
  const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  const size = atMost(info.size, TARBALL_GOAL_BYTES, kB);
  line();
  line(`n8n package tarball (npm pack --dry-run --json in n8n/): ${info.filename}, ${int(info.entryCount)} files, unpacked ${kB(info.unpackedSize)}`);
  line(`  TARBALL SIZE = ${kB(info.size)} (${int(info.size)} bytes) — goal ≤ ${kB(TARBALL_GOAL_BYTES)}: ${size.verdict}`);
  rows.push({ benchmark: '4. n8n package tarball size', figure: `${kB(info.size)} (${int(info.entryCount)} files)`, goal: `≤ ${kB(TARBALL_GOAL_BYTES)}`, met: size.met, verdict: size.verdict });
  emitResult(rows);
}

try {
  main();
} catch (error: unknown) {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
}
