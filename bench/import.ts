/**
 * Import: a 100,000-row contact list generated on the fly (CSV, and the same rows as XLSX with
 * write-excel-file) in a temp folder. Each measured import runs alone in a fresh child process
 * (import-child), so its peak RSS is its own (VmHWM on Linux; see import-child.ts for why not
 * maxRSS there).
 *
 * - Throughput: the core's streaming `importContacts` on the CSV vs raw csv-parse streaming the
 *   same file with the same delimiter and no row logic. Goal ≥ 0.7×. Also shown: the core's CSV
 *   layer alone (decode + csvRows), which splits the gap into parsing and row logic.
 * - Memory: peak RSS of the core's import of the CSV and of the XLSX. Goal ≤ 150 MB each.
 * Three rounds (the four measured imports interleaved), median rows/s, highest peak RSS.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { atLeast, atMost, emitResult, int, line, mb, median, ms, OUT_DIR, ratio, ROOT } from './lib';

const ROWS = 100_000;
const ROUNDS = 3;
const THROUGHPUT_GOAL = 0.7;
const RSS_GOAL_BYTES = 150e6;

// write-excel-file types only its ES module build; its CommonJS build is what `require` loads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const writeXlsxFile = require('write-excel-file/node').default as (rows: { value: string }[][]) => { toFile(path: string): Promise<void> };

interface ChildResult {
  mode: string;
  rows: number;
  ok: number;
  failed: number;
  ms: number;
  maxRssBytes: number;
  rssSource: string;
}

/** Row i of the list: the way people keep contacts in a sheet (formatted phone, name, e-mail). */
function row(i: number): [string, string, string] {
  const digits = String(i).padStart(8, '0');
  return [`Contato ${i + 1}`, `+55 11 9${digits.slice(0, 4)}-${digits.slice(4)}`, `contato${i + 1}@example.com`];
}
const HEADER: [string, string, string] = ['Nome', 'Telefone', 'E-mail'];

function runChild(args: string[]): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(OUT_DIR, 'import-child.cjs'), ...args], {
      cwd: ROOT,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`import-child ${args.join(' ')} exited ${code}: ${err}`));
      resolve(JSON.parse(out.trim().split('\n').pop()!) as ChildResult);
    });
  });
}

async function main() {
  if (!OUT_DIR) throw new Error('BENCH_OUT is not set: run through `node bench/run.mjs`');
  const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
  try {
    const csvFile = join(dir, 'contacts.csv');
    const xlsxFile = join(dir, 'contacts.xlsx');

    let started = performance.now();
    const lines = [HEADER.join(',')];
    for (let i = 0; i < ROWS; i++) lines.push(row(i).join(','));
    writeFileSync(csvFile, `${lines.join('\r\n')}\r\n`);
    const csvGen = performance.now() - started;

    started = performance.now();
    const sheet = [HEADER.map((value) => ({ value }))];
    for (let i = 0; i < ROWS; i++) sheet.push(row(i).map((value) => ({ value })));
    await writeXlsxFile(sheet).toFile(xlsxFile);
    sheet.length = 0;
    const xlsxGen = performance.now() - started;
    line(`generated ${int(ROWS)} rows (Nome, Telefone "+55 11 9xxxx-xxxx", E-mail; comma-separated, CRLF):`);
    line(`  CSV  ${mb(statSync(csvFile).size)} in ${ms(csvGen)}; XLSX ${mb(statSync(xlsxFile).size)} in ${ms(xlsxGen)} (write-excel-file, all ${int(ROWS)} rows)`);

    const idle = await runChild(['idle']);
    line(`  a child process with the same modules loaded and nothing imported peaks at ${mb(idle.maxRssBytes)} RSS`);
    line();

    const runs: Record<'raw' | 'layer' | 'csv' | 'xlsx', ChildResult[]> = { raw: [], layer: [], csv: [], xlsx: [] };
    for (let round = 0; round < ROUNDS; round++) {
      runs.raw.push(await runChild(['raw', csvFile, ',']));
      runs.layer.push(await runChild(['layer', csvFile, ',']));
      runs.csv.push(await runChild(['core', csvFile]));
      runs.xlsx.push(await runChild(['core', xlsxFile]));
    }
    for (const result of [...runs.raw, ...runs.layer]) {
      if (result.rows !== ROWS) throw new Error(`${result.mode} read ${result.rows} rows, expected ${ROWS}`);
    }
    for (const result of [...runs.csv, ...runs.xlsx]) {
      if (result.ok !== ROWS || result.failed !== 0) throw new Error(`core import: ${result.ok} contacts, ${result.failed} rejected rows (expected ${ROWS}, 0)`);
    }

    const rate = (results: ChildResult[]) => median(results.map((r) => (r.rows / r.ms) * 1000));
    const peak = (results: ChildResult[]) => Math.max(...results.map((r) => r.maxRssBytes));
    const show = (label: string, results: ChildResult[]) =>
      line(
        `  ${label.padEnd(46)} ${int(rate(results)).padStart(9)} rows/s  (runs: ${results.map((r) => ms(r.ms)).join(', ')}; peak RSS ${mb(peak(results))})`,
      );
    line(`${ROUNDS} rounds, each import in its own process; median rows/s:`);
    show('baseline  raw csv-parse stream (delimiter ",")', runs.raw);
    show('core CSV layer (decode + csvRows), no row logic', runs.layer);
    show('core importContacts, CSV (streaming)', runs.csv);
    show('core importContacts, XLSX', runs.xlsx);

    const throughput = rate(runs.csv) / rate(runs.raw);
    const layerShare = rate(runs.layer) / rate(runs.raw);
    const rowLogicMs = (ROWS / rate(runs.csv) - ROWS / rate(runs.layer)) * 1000;
    const speed = atLeast(throughput, THROUGHPUT_GOAL, ratio);
    const csvRss = atMost(peak(runs.csv), RSS_GOAL_BYTES, mb);
    const xlsxRss = atMost(peak(runs.xlsx), RSS_GOAL_BYTES, mb);
    line();
    line(`  where the time goes: the CSV layer alone runs at ${ratio(layerShare)} raw csv-parse; the row logic`);
    line(`  (header match, phone parsing with libphonenumber, duplicate log) adds ${ms(rowLogicMs)} per ${int(ROWS)} rows = ${((rowLogicMs / ROWS) * 1000).toFixed(1)} µs/row`);
    line(`  RATIO core importContacts / raw csv-parse = ${ratio(throughput)} — goal ≥ ${ratio(THROUGHPUT_GOAL)}: ${speed.verdict}`);
    line(`  PEAK RSS core import, CSV  (${int(ROWS)} rows) = ${mb(peak(runs.csv))} — goal ≤ ${mb(RSS_GOAL_BYTES)}: ${csvRss.verdict}`);
    line(`  PEAK RSS core import, XLSX (${int(ROWS)} rows) = ${mb(peak(runs.xlsx))} — goal ≤ ${mb(RSS_GOAL_BYTES)}: ${xlsxRss.verdict}`);
    line(`  (raw csv-parse peaks at ${mb(peak(runs.raw))}; an idle child at ${mb(idle.maxRssBytes)}; highest of ${ROUNDS} runs shown; peak RSS read as ${idle.rssSource})`);

    emitResult([
      {
        benchmark: `3. Import: core importContacts vs raw csv-parse (${int(ROWS)}-row CSV)`,
        figure: `${ratio(throughput)} (${int(rate(runs.csv))} vs ${int(rate(runs.raw))} rows/s)`,
        goal: `≥ ${ratio(THROUGHPUT_GOAL)}`,
        met: speed.met,
        verdict: speed.verdict,
      },
      {
        benchmark: `3. Import: peak RSS, CSV (${int(ROWS)} rows, own process)`,
        figure: mb(peak(runs.csv)),
        goal: `≤ ${mb(RSS_GOAL_BYTES)}`,
        met: csvRss.met,
        verdict: csvRss.verdict,
      },
      {
        benchmark: `3. Import: peak RSS, XLSX (${int(ROWS)} rows, own process)`,
        figure: mb(peak(runs.xlsx)),
        goal: `≤ ${mb(RSS_GOAL_BYTES)}`,
        met: xlsxRss.met,
        verdict: xlsxRss.verdict,
      },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
