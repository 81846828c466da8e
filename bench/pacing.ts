/**
 * Pacing: 1,000 `assignTag` (20 in flight) then 200 `assignTagByName` (names from a pool of 10,
 * 20 in flight) through the core RyzeAPI client, against a sandbox whose RyzeAPI limit is the
 * real one (100 requests per 60 s window, per token) with time compressed 12×: 100 requests per
 * 5 s window. The client's token bucket is given the same limit (`rateLimit` option:
 * capacity 100, 100 tokens per 5 s) and the client's default retry policy (3 attempts, 429s
 * waited out per Retry-After). Goals: sustained rate ≥ 95% of the limit, 0 items failed by
 * 429, 0 duplicate tags.
 *
 * Every HTTP answer is recorded at the transport (status, X-RateLimit-Reset): the reset second
 * names the sandbox window a request was counted in, so requests are grouped by server window
 * exactly. Baseline in the same run: the same client without pacing against an unlimited
 * sandbox, to show the sandbox itself is far faster than the limit.
 */
import { CONTROLLED_OPTIONS, DEMO, startSandbox, type RunningSandbox } from '../sandbox';
import { ApiError } from '../shared/errors';
import { createFetchTransport, RateLimiterRegistry, type TokenBucketOptions, type TransportFactory } from '../shared/http';
import { createRyzeApiClient, type RyzeApiClient } from '../shared/ryzeapi';
import { atLeast, atMost, emitResult, int, line, median, ms, pct, pool, ratio, type SummaryRow } from './lib';

const LIMIT = 100;
const WINDOW_MS = 5_000;
const REAL_WINDOW_MS = 60_000;
const ASSIGNS = 1_000;
const BY_NAME = 200;
const CONCURRENCY = 20;
const BASELINE_CALLS = 300;
const RATE_GOAL = 0.95;
const NAME_POOL = ['VIP', 'new customer', 'Lead', 'Prospect', 'Churn risk', 'Paid', 'Trial', 'Support ticket', 'Wholesale', 'Newsletter'];

interface Answer {
  readonly at: number;
  readonly status: number;
  readonly route: string;
  /** X-RateLimit-Reset: the epoch second the request's server window ends; names the window. */
  readonly window: string | undefined;
}

/** createFetchTransport, recording every answer. */
function recordingTransport(answers: Answer[], t0: number): TransportFactory {
  return (config) => {
    const inner = createFetchTransport(config);
    return {
      async request(request) {
        const response = await inner.request(request);
        answers.push({
          at: performance.now() - t0,
          status: response.status,
          route: `${request.method} ${request.path.replace(/\/[^/]*$/, '/:instance')}`,
          window: response.headers['x-ratelimit-reset'],
        });
        return response;
      },
    };
  };
}

const chat = (n: number) => `55119${String(n).padStart(8, '0')}`; // RyzeAPI: digits with country code

async function sandboxWith(limit: number, windowMs: number): Promise<RunningSandbox> {
  return startSandbox({
    ...CONTROLLED_OPTIONS,
    ryzeRateLimit: { limit, windowMs },
  });
}

function client(sandbox: RunningSandbox, transport: TransportFactory, rateLimit: TokenBucketOptions | false): RyzeApiClient {
  return createRyzeApiClient({
    credentials: { baseUrl: sandbox.ryzeApiUrl, token: DEMO.ryzeInstanceToken },
    instance: DEMO.ryzeInstance,
    transport,
    rateLimit,
    rateLimiters: new RateLimiterRegistry(),
  });
}

interface Failures {
  rateLimited: number;
  other: Map<string, number>;
}

async function runPhase(label: string, count: number, call: (i: number) => Promise<unknown>, failures: Failures) {
  const started = performance.now();
  await pool(
    Array.from({ length: count }, (_, i) => i),
    CONCURRENCY,
    async (i) => {
      try {
        await call(i);
      } catch (error) {
        const code = error instanceof ApiError ? error.code : error instanceof Error ? error.name : 'unknown';
        if (code === 'RATE_LIMITED') failures.rateLimited++;
        else failures.other.set(code, (failures.other.get(code) ?? 0) + 1);
      }
    },
  );
  const elapsed = performance.now() - started;
  line(`${label}: ${int(count)} calls in ${ms(elapsed)}`);
  return elapsed;
}

async function main() {
  // Baseline: what the sandbox serves with no limit and no pacing, same client, same concurrency.
  const open = await sandboxWith(1_000_000_000, 60_000);
  let baselineRate: number;
  try {
    const answers: Answer[] = [];
    const unpaced = client(open, recordingTransport(answers, performance.now()), false);
    const started = performance.now();
    await pool(
      Array.from({ length: BASELINE_CALLS }, (_, i) => i),
      CONCURRENCY,
      async (i) => void (await unpaced.assignTag({ number: chat(50_000_000 + i), tagId: '1' })),
    );
    baselineRate = (answers.length / (performance.now() - started)) * 1000;
  } finally {
    await open.close();
  }
  const limitRate = (LIMIT / WINDOW_MS) * 1000;
  line(`scale: RyzeAPI's ${LIMIT} requests / ${REAL_WINDOW_MS / 1000} s per token, time compressed ${REAL_WINDOW_MS / WINDOW_MS}× → sandbox limit ${LIMIT} / ${WINDOW_MS / 1000} s (fixed window)`);
  line(`       = ${limitRate.toFixed(1)} requests/s; client token bucket: capacity ${LIMIT}, ${LIMIT} tokens per ${WINDOW_MS / 1000} s (same limit); default retries`);
  line(`baseline (same run): unpaced client, unlimited sandbox, ${CONCURRENCY} in flight: ${int(baselineRate)} requests/s = ${ratio(baselineRate / limitRate)} the scaled limit`);
  line();

  const sandbox = await sandboxWith(LIMIT, WINDOW_MS);
  const taggedChats = async () => {
    const response = await fetch(`${sandbox.url}/_sandbox/ryze/instances/${DEMO.ryzeInstance}/chats`);
    const { chats } = (await response.json()) as { chats: { tagIds: string[] }[] };
    return chats.filter((c) => c.tagIds.length > 0).length;
  };
  try {
    const taggedBefore = await taggedChats(); // the demo data's own (admin endpoints are not rate limited)
    const t0 = performance.now();
    const answers: Answer[] = [];
    const ryze = client(sandbox, recordingTransport(answers, t0), { capacity: LIMIT, refillTokens: LIMIT, refillIntervalMs: WINDOW_MS });
    const failures: Failures = { rateLimited: 0, other: new Map() };

    await runPhase(`assignTag (tags 1 and 2, ${CONCURRENCY} in flight)`, ASSIGNS, (i) => ryze.assignTag({ number: chat(i), tagId: String((i % 2) + 1) }), failures);
    const assignAnswers = answers.length;
    await runPhase(
      `assignTagByName (${NAME_POOL.length} names, ${CONCURRENCY} in flight)`,
      BY_NAME,
      (i) => ryze.assignTagByName({ number: chat(10_000_000 + i), name: NAME_POOL[i % NAME_POOL.length] }),
      failures,
    );
    const elapsed = performance.now() - t0;

    // Requests per server window, in the order the windows came.
    const windows = new Map<string, { accepted: number; refused: number; first: number; last: number }>();
    for (const answer of answers) {
      const key = answer.window ?? '?';
      const entry = windows.get(key) ?? { accepted: 0, refused: 0, first: answer.at, last: answer.at };
      if (answer.status === 429) entry.refused++;
      else entry.accepted++;
      entry.first = Math.min(entry.first, answer.at);
      entry.last = Math.max(entry.last, answer.at);
      windows.set(key, entry);
    }
    const ordered = [...windows.values()].sort((a, b) => a.first - b.first);
    const accepted = answers.filter((answer) => answer.status !== 429).length;
    const refused = answers.length - accepted;

    // Sustained rate: the windows between the first (the bucket's initial burst) and the last
    // (cut short when the work ran out), over the time from the first of them to the start of
    // the last one, so idle gaps between windows count against it.
    const middle = ordered.slice(1, -1);
    const sustainedTime = ordered.length >= 3 ? ordered[ordered.length - 1]!.first - ordered[1]!.first : Number.NaN;
    const sustainedRate = (middle.reduce((sum, w) => sum + w.accepted, 0) / sustainedTime) * 1000;
    const sustainedShare = sustainedRate / limitRate;
    const fillShares = middle.map((w) => w.accepted / LIMIT);

    // Duplicate tags: live tags sharing a trimmed, case-insensitive name.
    const tagsResponse = await fetch(`${sandbox.url}/_sandbox/ryze/instances/${DEMO.ryzeInstance}/tags`);
    const { tags } = (await tagsResponse.json()) as { tags: { id: string; name: string; deleted: boolean }[] };
    const byName = new Map<string, number>();
    for (const tag of tags.filter((t) => !t.deleted)) {
      const key = tag.name.trim().toLowerCase();
      byName.set(key, (byName.get(key) ?? 0) + 1);
    }
    const duplicates = [...byName.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    const discarded = tags.filter((t) => t.deleted).length;
    const assignedChats = (await taggedChats()) - taggedBefore;

    const routes = new Map<string, number>();
    for (const answer of answers) routes.set(answer.route, (routes.get(answer.route) ?? 0) + 1);

    line();
    line(`whole run: ${int(answers.length)} HTTP requests (${int(assignAnswers)} in the assign phase) in ${ms(elapsed)} = ${(answers.length / elapsed * 1000).toFixed(1)} requests/s overall, burst included`);
    line(`  by route: ${[...routes].map(([route, n]) => `${route} ${int(n)}`).join(', ')}`);
    line(`  answered 429 by the sandbox: ${int(refused)} (each one retried by the client after Retry-After, or given up after 3 attempts)`);
    line(`  server windows: ${ordered.length}; accepted per window: ${ordered.map((w) => w.accepted).join(', ')}`);
    line(`                               refused per window: ${ordered.map((w) => w.refused).join(', ')}`);
    line(`  full windows (2nd to next-to-last): each filled ${pct(Math.min(...fillShares))}–${pct(Math.max(...fillShares))} of the limit (median ${pct(median(fillShares))})`);
    line(`  sustained rate over them (idle gaps between windows counted): ${sustainedRate.toFixed(2)} requests/s`);
    line(`  chats the run tagged, read back from the sandbox: ${int(assignedChats)} of ${int(ASSIGNS + BY_NAME)}`);
    line(`  tags on the instance: ${tags.filter((t) => !t.deleted).length} live, ${discarded} deleted (discarded duplicates)`);

    const rate = atLeast(sustainedShare, RATE_GOAL, pct);
    const failed = atMost(failures.rateLimited, 0, int);
    const dupes = atMost(duplicates, 0, int);
    const otherFailures = [...failures.other].map(([code, n]) => `${code} ${n}`).join(', ');
    line();
    line(`  RATE achieved ${pct(sustainedShare)} of the limit (${sustainedRate.toFixed(2)} / ${limitRate.toFixed(2)} requests/s) — goal ≥ ${pct(RATE_GOAL)}: ${rate.verdict}`);
    line(`  ITEMS FAILED by 429 (RATE_LIMITED after the client's retries): ${failures.rateLimited} of ${int(ASSIGNS + BY_NAME)} — goal 0: ${failed.verdict}`);
    if (otherFailures) line(`  items failed otherwise: ${otherFailures}`);
    line(`  DUPLICATE TAGS in the sandbox: ${duplicates} — goal 0: ${dupes.verdict}`);

    const rows: SummaryRow[] = [
      {
        benchmark: '2. Pacing: sustained rate (100 / 5 s scaled limit)',
        figure: `${pct(sustainedShare)} of the limit (${sustainedRate.toFixed(2)} of ${limitRate.toFixed(2)} req/s); sandbox unpaced ${ratio(baselineRate / limitRate)} the limit`,
        goal: `≥ ${pct(RATE_GOAL)}`,
        met: rate.met,
        verdict: rate.verdict,
      },
      {
        benchmark: '2. Pacing: items failed by 429',
        figure: `${failures.rateLimited} of ${int(ASSIGNS + BY_NAME)} (${int(refused)} requests answered 429 along the way)`,
        goal: '0',
        met: failed.met,
        verdict: failed.verdict,
      },
      { benchmark: '2. Pacing: duplicate tags', figure: `${duplicates} (${discarded} discarded duplicates)`, goal: '0', met: dupes.met, verdict: dupes.verdict },
    ];
    emitResult(rows);
  } finally {
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
