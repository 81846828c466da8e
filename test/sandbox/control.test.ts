import { startTestSandbox, type TestSandbox } from './harness';

describe('sandbox controls', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox();
  });
  afterAll(() => t.close());

  it('seeds demo data into an empty in-memory database, storing keys only as hashes', async () => {
    const dump = await t.dump();
    expect(dump.api_keys!.length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(dump)).not.toContain('ps_demo_');
    expect(JSON.stringify(dump)).not.toContain('ryze_demo_');
  });

  it('answers an injected status for the next N requests of one route only', async () => {
    const added = await t.http('POST', '/_sandbox/faults', { body: { route: '/_sandbox/health', method: 'GET', status: 503, count: 2 } });
    expect(added.status).toBe(201);
    expect((await t.http('GET', '/_sandbox/health')).status).toBe(503);
    expect((await t.http('GET', '/_sandbox/health')).status).toBe(503);
    expect((await t.http('GET', '/_sandbox/health')).status).toBe(200);
  });

  it('drops the connection before handling', async () => {
    await t.http('POST', '/_sandbox/faults', { body: { route: '/_sandbox/health', mode: 'drop' } });
    await expect(t.http('GET', '/_sandbox/health')).rejects.toThrow();
    const { body } = await t.http('GET', '/_sandbox/requests');
    expect(body.requests.some((r: { fault?: string; route: string }) => r.fault === 'drop' && r.route === '/_sandbox/health')).toBe(true);
  });

  it('handles the request and then drops the answer (drop_after)', async () => {
    await t.http('POST', '/_sandbox/faults', { body: { route: '/_sandbox/clock', mode: 'drop_after' } });
    const before = (await t.http('GET', '/_sandbox/health')).body.now as string;
    await expect(t.http('POST', '/_sandbox/clock', { body: { advanceMs: 86_400_000 } })).rejects.toThrow();
    const after = (await t.http('GET', '/_sandbox/health')).body.now as string;
    expect(Date.parse(after) - Date.parse(before)).toBeGreaterThanOrEqual(86_400_000);
  });

  it('delays an answer', async () => {
    await t.http('POST', '/_sandbox/faults', { body: { route: '/_sandbox/health', mode: 'delay', delayMs: 150 } });
    const started = process.hrtime.bigint();
    expect((await t.http('GET', '/_sandbox/health')).status).toBe(200);
    // A lower bound only: the delay must have happened; no upper bound on a loaded machine.
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeGreaterThanOrEqual(140);
  });

  it('refuses a fault it cannot apply', async () => {
    expect((await t.http('POST', '/_sandbox/faults', { body: { route: '*' } })).status).toBe(400);
    expect((await t.http('POST', '/_sandbox/faults', { body: { route: '*', count: 0, status: 500 } })).status).toBe(400);
  });

  it('reset restores the demo data and clears faults', async () => {
    await t.http('POST', '/_sandbox/faults', { body: { route: '/_sandbox/health', status: 500, count: 5 } });
    expect((await t.http('POST', '/_sandbox/reset')).status).toBe(200);
    expect((await t.http('GET', '/_sandbox/health')).status).toBe(200);
    expect((await t.dump()).tenants).toHaveLength(1);
  });
});
