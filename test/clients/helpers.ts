import nock from 'nock';
import { inspect } from 'node:util';
import type { Clock } from '../../shared/http';

export const PS_BASE = 'https://pilotstatus.test';
export const PS_URL = `${PS_BASE}/v1`;
export const RYZE_URL = 'https://ryze.test';

// Recognisable values: if any of them shows up in an error, the secret scan finds it.
export const PS_KEY = 'ps_live_SECRETKEY_9f8e7d6c5b4a';
export const PS_KEY_ID = 'keyid-SECRET-0a1b2c3d';
export const PS_TENANT_KEY = 'ps_tenant_SECRET_1a2b3c4d5e6f';
export const RYZE_TOKEN = 'ryze-token-SECRET-5f2b9c7e-4d1a';
export const ALL_SECRETS = [PS_KEY, PS_KEY_ID, PS_TENANT_KEY, RYZE_TOKEN];

/** A clock whose sleeps return at once and are recorded; time moves by what was slept. */
export function recordingClock(start = Date.parse('2026-11-21T12:00:00Z')): Clock & { readonly sleeps: number[] } {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

/** Retry settings for tests: recorded sleeps and no jitter. */
export const fastRetry = (clock = recordingClock(), extra: Record<string, unknown> = {}) => ({ clock, random: () => 0, ...extra });

/** Awaits a promise that must reject and returns what it threw. */
export async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, it succeeded');
}

/** Every way an error can be shown or logged. */
export function renderings(error: unknown): string[] {
  const e = error as Error & { hint?: string };
  return [String(e.message), String(e.hint), String(e.stack), JSON.stringify(error), String(error), inspect(error, { depth: 10, showHidden: true })];
}

export function expectNoSecrets(error: unknown): void {
  for (const text of renderings(error)) {
    for (const secret of ALL_SECRETS) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/SECRET/);
  }
}

/** Fails the test if nock saw a request nobody declared, and resets nock between tests. */
export function useNock(): void {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
  });
  afterAll(() => nock.enableNetConnect());
}
