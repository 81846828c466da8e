/**
 * One measured import, alone in its process (spawned by import.ts): reads the file as a stream,
 * counts rows, and prints `{ rows, ok, failed, ms, maxRssBytes }` as JSON. `ms` covers the
 * import only (modules are loaded before the clock starts).
 *
 * Peak RSS is read from /proc/self/status (VmHWM) where there is one, and only elsewhere from
 * process.resourceUsage().maxRSS: on Linux a spawned child's maxRSS starts at its parent's RSS
 * at fork time (the kernel carries it across exec), so a big parent would inflate it.
 *
 *   mode core  — the core's importContacts (CSV or XLSX, format detected as in production)
 *   mode layer — the core's CSV layer alone (UTF-8 decoding + csvRows, i.e. csv-parse with the
 *                core's options): no header, phone or duplicate logic
 *   mode raw   — csv-parse on the same file, same delimiter, no row logic
 *   mode idle  — nothing: the RSS of a bare process with the same modules loaded
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse';
import { csvRows, decodeText, importContacts } from '../shared/labels/import';

async function main() {
  const [mode, file, delimiter = ','] = process.argv.slice(2);
  if (!mode || (mode !== 'idle' && !file)) throw new Error('usage: import-child <core|layer|raw|idle> <file> [delimiter]');
  let rows = 0;
  let ok = 0;
  let failed = 0;
  const started = performance.now();
  if (mode === 'core') {
    for await (const outcome of importContacts(createReadStream(file!))) {
      rows++;
      if (outcome.ok) ok++;
      else failed++;
    }
  } else if (mode === 'layer') {
    const source = (async function* () {
      for await (const chunk of createReadStream(file!)) yield new Uint8Array(chunk as Buffer);
    })();
    for await (const row of csvRows(decodeText(source, 'utf-8'), delimiter as ',' | ';')) {
      if (row.cells.length > 0) rows++;
    }
    rows--; // the header
  } else if (mode === 'raw') {
    for await (const record of createReadStream(file!).pipe(parse({ delimiter }))) {
      if ((record as string[]).length > 0) rows++;
    }
    rows--; // the header
  }
  const elapsed = performance.now() - started;
  console.log(JSON.stringify({ mode, rows, ok, failed, ms: elapsed, ...peakRss() }));
}

function peakRss(): { maxRssBytes: number; rssSource: string } {
  if (existsSync('/proc/self/status')) {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return { maxRssBytes: Number(match[1]) * 1024, rssSource: 'VmHWM' };
  }
  return { maxRssBytes: process.resourceUsage().maxRSS * 1024, rssSource: 'maxRSS' };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
