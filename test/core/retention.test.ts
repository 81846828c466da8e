import { createHmac } from 'node:crypto';
import type { Destination } from '../../shared/destinations';
import { decideSendLink, destinationHash, parseRetentionDays, retentionPolicy } from '../../shared/labels';
import { expectIssues } from './parsed';

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-07-04T12:00:00.000Z');
const PHONE: Destination = { kind: 'PHONE', value: '+5511999999999' };
const GROUP: Destination = { kind: 'GROUP', value: '120363025246125486@g.us' };

describe('parseRetentionDays', () => {
  it.each<[string, unknown, number]>([
    ['0 (keep no links)', 0, 0],
    ['1', 1, 1],
    ['30', 30, 30],
    ['ten years', 3650, 3650],
    ['numeric string', '30', 30],
    ['numeric string with spaces', ' 7 ', 7],
    ['"0"', '0', 0],
  ])('%s → %i', (_name, input, expected) => {
    expect(parseRetentionDays(input)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, unknown]>([
    ['negative', -1],
    ['fractional', 1.5],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['null', null],
    ['undefined', undefined],
    ['unsafe integer', 2 ** 53],
    ['negative string', '-1'],
    ['fractional string', '1.5'],
    ['empty string', ''],
    ['words', 'thirty'],
    ['boolean', true],
    ['object', { days: 30 }],
    ['list', [30]],
  ])('%s → retention.days', (_name, input) => {
    const [i] = expectIssues(parseRetentionDays(input), [['retentionDays', 'retention.days']]);
    expect(i!.message).toMatch(/^retentionDays must be 0 \(keep no contact links\) or a whole number of days, got /);
    expect(i!.message).not.toMatch(/got a undefined/);
  });

  it('reports under a custom field', () => {
    expectIssues(parseRetentionDays(-3, 'credentials.retentionDays'), [['credentials.retentionDays', 'retention.days']]);
  });
});

describe('retentionPolicy', () => {
  it('0 stores no links: the label is created, the link is not', () => {
    const policy = retentionPolicy(0);
    expect(policy.retentionDays).toBe(0);
    expect(policy.storesLinks).toBe(false);
    expect(policy.linkExpiresAt(NOW)).toBeNull();
  });

  it.each<[number]>([[1], [30], [365]])('%i days stores links that expire that many days later', (days) => {
    const policy = retentionPolicy(days);
    expect(policy.retentionDays).toBe(days);
    expect(policy.storesLinks).toBe(true);
    expect(policy.linkExpiresAt(NOW)).toEqual(new Date(NOW.getTime() + days * DAY));
  });

  it('30 days from a known instant', () => {
    expect(retentionPolicy(30).linkExpiresAt(NOW)?.toISOString()).toBe('2026-08-03T12:00:00.000Z');
  });

  it.each<[number]>([[-1], [1.5], [Number.NaN]])('rejects %d with a RangeError naming the field', (days) => {
    expect(() => retentionPolicy(days)).toThrow(RangeError);
    expect(() => retentionPolicy(days)).toThrow(/^retentionDays must be 0/);
  });

  it('a huge retention ("keep forever") gives a usable expiry instead of an invalid date', () => {
    const policy = retentionPolicy(Number.MAX_SAFE_INTEGER);
    const expiry = policy.linkExpiresAt(NOW);
    expect(expiry?.toISOString()).toBe('9999-12-31T23:59:59.999Z');
    // and a send decision under it does not throw
    const decision = decideSendLink(undefined, { labelId: 'L1', destination: PHONE }, policy, NOW);
    expect(decision).toMatchObject({ action: 'insert', link: { expiresAt: '9999-12-31T23:59:59.999Z' } });
  });

  it('a retention just short of the cap is not touched', () => {
    const days = 100_000; // ~274 years
    expect(retentionPolicy(days).linkExpiresAt(NOW)?.getTime()).toBe(NOW.getTime() + days * DAY);
  });
});

describe('destinationHash', () => {
  const SECRET = 'tenant-secret';

  it('is deterministic', () => {
    expect(destinationHash(PHONE, SECRET)).toBe(destinationHash(PHONE, SECRET));
  });

  it('is an HMAC-SHA256 of the canonical value, base64url', () => {
    const expected = createHmac('sha256', SECRET).update('+5511999999999').digest('base64url');
    expect(destinationHash(PHONE, SECRET)).toBe(expected);
    expect(destinationHash(PHONE, SECRET)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('a destination and its canonical text hash alike', () => {
    expect(destinationHash('+5511999999999', SECRET)).toBe(destinationHash(PHONE, SECRET));
    expect(destinationHash(GROUP.value, SECRET)).toBe(destinationHash(GROUP, SECRET));
  });

  it('is keyed: another secret gives another hash', () => {
    expect(destinationHash(PHONE, 'other-secret')).not.toBe(destinationHash(PHONE, SECRET));
  });

  it('different destinations give different hashes', () => {
    const hashes = ['+5511999999999', '+5511999999998', '+551199999999', GROUP.value].map((d) => destinationHash(d, SECRET));
    expect(new Set(hashes).size).toBe(4);
  });

  it('never contains the phone digits', () => {
    for (const phone of ['+5511999999999', '+14155552671', '+4915112345678']) {
      const hash = destinationHash(phone, SECRET);
      expect(hash).not.toContain(phone.slice(1));
      expect(hash).not.toContain(phone.slice(-8));
    }
  });

  it('refuses an empty secret', () => {
    expect(() => destinationHash(PHONE, '')).toThrow(RangeError);
    expect(() => destinationHash(PHONE, '')).toThrow(/non-empty secret/);
  });
});
