/**
 * Send overhead: 2,000 items through the n8n PilotStatus node (Message → Send, text) in n8n's
 * real engine, against a bare `fetch` loop posting the same 2,000 bodies with the same headers
 * to the same sandbox, one after another as n8n's item loop does. Goal: n8n ≤ 1.3× the loop.
 *
 * The headers and bodies the loop sends are the ones the node was seen sending: a first small
 * run goes through a recording proxy (127.0.0.1) and the loop's bodies are checked against it.
 * n8n's HTTP helper sends `connection: close` (a new TCP connection per request); the loop sends
 * it too (the goal's baseline), and runs once more without it (fetch's default keep-alive) to
 * show how much of the gap is connection handling rather than the engine and the node.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { CONTROLLED_OPTIONS, DEMO, startSandbox, type RunningSandbox } from '../sandbox';
import { loadCustomPackage, runWorkflow, type LoadedPackage } from '../test/n8n/harness';
import { atMost, brMobile, emitResult, int, line, median, ms, ratio, ROOT } from './lib';

const ITEMS = 2_000;
const WARMUP_ITEMS = 100;
const CAPTURE_ITEMS = 5;
const ROUNDS = 3;
const GOAL = 1.3;

interface Item {
  phone: string;
  text: string;
}

const itemsFor = (count: number, offset: number): Item[] =>
  Array.from({ length: count }, (_, i) => ({ phone: brMobile(offset + i), text: `Hi! Your order ${offset + i} is ready for pickup.` }));

/** The body the node sends for an item (checked against what it actually sent). */
const bodyFor = (item: Item): string => JSON.stringify({ destinationNumber: item.phone, text: item.text });

interface Captured {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A pass-through proxy to the sandbox that keeps every request it forwards. */
async function recordingProxy(target: string): Promise<{ url: string; captured: Captured[]; close(): Promise<void> }> {
  const captured: Captured[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      captured.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      void (async () => {
        const upstream = await fetch(`${target}${req.url}`, {
          method: req.method,
          headers: { 'content-type': String(req.headers['content-type'] ?? 'application/json'), 'x-api-key': String(req.headers['x-api-key'] ?? '') },
          ...(body ? { body } : {}),
        });
        const text = await upstream.text();
        res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
        res.end(text);
      })().catch((error: Error) => {
        res.writeHead(502);
        res.end(error.message);
      });
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    captured,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

async function runN8n(pkg: LoadedPackage, baseUrl: string, items: Item[]) {
  const result = await runWorkflow({
    pkg,
    nodes: [
      {
        name: 'Send',
        type: pkg.typeName('pilotStatus'),
        parameters: {
          resource: 'message',
          operation: 'send',
          destinationType: 'phone',
          destination: '={{ $json.phone }}',
          messageType: 'text',
          text: '={{ $json.text }}',
        },
      },
    ],
    credentials: { pilotStatusApi: { apiKey: DEMO.keyRetention30, retentionDays: 30, baseUrl } },
    input: items as unknown as Record<string, string>[],
  });
  if (result.executionError) throw new Error(`n8n run failed: ${result.executionError.message}`);
  const out = result.json('Send');
  const queued = out.filter((json) => json.status === 'QUEUED').length;
  if (queued !== items.length) throw new Error(`n8n run: ${queued} of ${items.length} items queued`);
  const task = result.run.data.resultData.runData.Send?.[0];
  return { totalMs: result.durationMs, nodeMs: task?.executionTime ?? Number.NaN };
}

async function runFetchLoop(url: string, headers: Record<string, string>, bodies: string[]) {
  let failed = 0;
  const started = performance.now();
  for (const body of bodies) {
    const response = await fetch(url, { method: 'POST', headers, body });
    await response.json(); // n8n reads and parses every answer too
    if (response.status !== 202) failed++;
  }
  const totalMs = performance.now() - started;
  if (failed) throw new Error(`fetch loop: ${failed} of ${bodies.length} sends not accepted`);
  return { totalMs };
}

async function main() {
  const sandbox: RunningSandbox = await startSandbox({
    ...CONTROLLED_OPTIONS,
    ryzeRateLimit: { limit: 1_000_000, windowMs: 60_000 },
  });
  const reset = async () => {
    const response = await fetch(`${sandbox.url}/_sandbox/reset`, { method: 'POST' });
    if (!response.ok) throw new Error(`sandbox reset: ${response.status}`);
  };
  const queuedInSandbox = () => sandbox.context.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM messages')?.n ?? 0;
  const sendUrl = `${sandbox.pilotStatusUrl}/messages/send`;

  try {
    const loadStarted = performance.now();
    const pkg = await loadCustomPackage(join(ROOT, 'n8n'));
    line(`n8n package loaded with n8n-core's loader in ${ms(performance.now() - loadStarted)} (${pkg.nodeTypeNames.length} nodes)`);

    // 1. What the node sends: headers and bodies, through the recording proxy.
    const proxy = await recordingProxy(sandbox.url);
    const captureItems = itemsFor(CAPTURE_ITEMS, 90_000_000);
    await runN8n(pkg, `${proxy.url}/v1`, captureItems);
    await proxy.close();
    const sends = proxy.captured.filter((request) => request.method === 'POST' && request.url === '/v1/messages/send');
    if (sends.length !== CAPTURE_ITEMS) throw new Error(`recording proxy saw ${sends.length} sends, expected ${CAPTURE_ITEMS}`);
    sends.forEach((request, i) => {
      const expected = bodyFor(captureItems[i]!);
      if (request.body !== expected) throw new Error(`the node sent ${request.body}, the loop would send ${expected}`);
    });
    const skip = new Set(['host', 'content-length', 'transfer-encoding']);
    const sameHeaders: Record<string, string> = {};
    for (const [name, value] of Object.entries(sends[0]!.headers)) {
      if (!skip.has(name) && value !== undefined) sameHeaders[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    // The same headers minus `connection`: fetch's default, one kept-alive connection.
    const { connection: n8nConnection, ...keepAliveHeaders } = sameHeaders;
    line(`n8n sends POST /v1/messages/send with headers: ${Object.keys(sends[0]!.headers).sort().join(', ')} (connection: ${n8nConnection ?? '-'})`);
    line(`the fetch loop sends the same bodies (checked on ${CAPTURE_ITEMS} items) and the same headers: ${Object.keys(sameHeaders).sort().join(', ')}`);
    line(`(x-api-key value not shown; fetch sets host and content-length itself)`);
    if (n8nConnection !== undefined) {
      line(`n8n's HTTP helper asks for "connection: ${n8nConnection}"; the loop is run twice: with that header (the baseline of the goal),`);
      line(`and without it (fetch's default keep-alive), to show what the connection handling alone costs`);
    }
    line();

    // 2. Warm-up, all sides.
    await reset();
    await runN8n(pkg, sandbox.pilotStatusUrl, itemsFor(WARMUP_ITEMS, 80_000_000));
    await runFetchLoop(sendUrl, sameHeaders, itemsFor(WARMUP_ITEMS, 81_000_000).map(bodyFor));
    await runFetchLoop(sendUrl, keepAliveHeaders, itemsFor(WARMUP_ITEMS, 82_000_000).map(bodyFor));
    line(`warm-up: ${WARMUP_ITEMS} items through each, not timed`);

    // 3. Timed rounds, rotating which side goes first; the sandbox is reset before each run.
    type Side = 'n8n' | 'fetch' | 'keep-alive';
    const times: Record<Side, number[]> = { n8n: [], fetch: [], 'keep-alive': [] };
    const nodeTimes: number[] = [];
    const sides: Side[] = ['n8n', 'fetch', 'keep-alive'];
    for (let round = 0; round < ROUNDS; round++) {
      const items = itemsFor(ITEMS, round * 10_000);
      const order = [...sides.slice(round % sides.length), ...sides.slice(0, round % sides.length)];
      for (const side of order) {
        await reset();
        if (side === 'n8n') {
          const run = await runN8n(pkg, sandbox.pilotStatusUrl, items);
          times.n8n.push(run.totalMs);
          nodeTimes.push(run.nodeMs);
        } else {
          const run = await runFetchLoop(sendUrl, side === 'fetch' ? sameHeaders : keepAliveHeaders, items.map(bodyFor));
          times[side].push(run.totalMs);
        }
        const stored = queuedInSandbox();
        if (stored !== ITEMS) throw new Error(`${side} run ${round + 1}: sandbox holds ${stored} messages, expected ${ITEMS}`);
      }
      line(
        `round ${round + 1}: n8n workflow ${ms(times.n8n[round]!)} (PilotStatus node ${ms(nodeTimes[round]!)}), fetch loop ${ms(times.fetch[round]!)}, keep-alive fetch loop ${ms(times['keep-alive'][round]!)}  [${order.join(', ')}]`,
      );
    }

    const n8nMedian = median(times.n8n);
    const nodeMedian = median(nodeTimes);
    const loopMedian = median(times.fetch);
    const keepAliveMedian = median(times['keep-alive']);
    const headline = n8nMedian / loopMedian;
    const goal = atMost(headline, GOAL, ratio);
    const perItem = (total: number) => `${(total / ITEMS).toFixed(3)} ms/item, ${int((ITEMS / total) * 1000)} items/s`;
    line();
    line(`median of ${ROUNDS}, ${int(ITEMS)} sends each (every one answered 202 and stored by the sandbox):`);
    line(`  baseline  bare fetch loop, same headers   ${ms(loopMedian).padStart(8)}  = ${perItem(loopMedian)}`);
    line(`            bare fetch loop, keep-alive     ${ms(keepAliveMedian).padStart(8)}  = ${perItem(keepAliveMedian)}`);
    line(`  n8n       whole workflow (engine)         ${ms(n8nMedian).padStart(8)}  = ${perItem(n8nMedian)}`);
    line(`            PilotStatus node alone          ${ms(nodeMedian).padStart(8)}  (n8n's executionTime of the node)`);
    line(`  n8n overhead per item: ${((n8nMedian - loopMedian) / ITEMS).toFixed(3)} ms over the same-headers loop, ${((n8nMedian - keepAliveMedian) / ITEMS).toFixed(3)} ms over the keep-alive loop`);
    line(`  RATIO n8n / fetch loop (same headers) = ${ratio(headline)} (node alone ${ratio(nodeMedian / loopMedian)}) — goal ≤ ${ratio(GOAL)}: ${goal.verdict}`);
    line(`  (against the keep-alive loop: ${ratio(n8nMedian / keepAliveMedian)}${n8nMedian / keepAliveMedian <= GOAL ? '' : `, ${ratio(n8nMedian / keepAliveMedian - GOAL)} over ${ratio(GOAL)}`})`);

    emitResult([
      {
        benchmark: `1. Send overhead (${int(ITEMS)} sends, n8n engine vs bare fetch loop)`,
        figure: `${ratio(headline)} (n8n ${ms(n8nMedian)} vs fetch ${ms(loopMedian)}, median of ${ROUNDS}); vs a keep-alive fetch loop ${ratio(n8nMedian / keepAliveMedian)}`,
        goal: `≤ ${ratio(GOAL)}`,
        met: goal.met,
        verdict: goal.verdict,
      },
    ]);
  } finally {
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
