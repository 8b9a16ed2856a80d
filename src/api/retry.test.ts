import { APIConnectionError, APITimeoutError, ServerError } from './errors';
import {
  isRetryableError,
  isRetryableStatus,
  parseRetryAfterMs,
  retryDelayMs,
} from './retry';

describe('isRetryableStatus', () => {
  test.each([
    [408, true, false],
    [429, true, true],
    [500, true, false],
    [502, true, false],
    [503, true, false],
    [400, false, false],
    [401, false, false],
    [404, false, false],
    [422, false, false],
    [442, false, false],
  ])('%i: idempotent %s, create %s', (status, idempotent, create) => {
    expect(isRetryableStatus(status, 'idempotent')).toBe(idempotent);
    expect(isRetryableStatus(status, 'create')).toBe(create);
  });

  test('network errors and timeouts are retried only for idempotent calls', () => {
    const offline = new APIConnectionError('https://x', 'offline');
    const slow = new APITimeoutError(10, 'slow');
    expect(isRetryableError(offline, 'idempotent')).toBe(true);
    expect(isRetryableError(slow, 'idempotent')).toBe(true);
    expect(isRetryableError(offline, 'create')).toBe(false);
    expect(isRetryableError(slow, 'create')).toBe(false);
    expect(
      isRetryableError(
        new ServerError({ status: 503, body: '', message: 'x' }),
        'create',
      ),
    ).toBe(false);
    expect(isRetryableError(new Error('bug'), 'idempotent')).toBe(false);
  });
});

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  const parse = (headers: Record<string, string>) =>
    parseRetryAfterMs(new Headers(headers), now);

  test('reads retry-after-ms, seconds and HTTP dates', () => {
    expect(parse({ 'retry-after-ms': '1500' })).toBe(1500);
    expect(parse({ 'retry-after': '3' })).toBe(3000);
    expect(parse({ 'retry-after': '0.5' })).toBe(500);
    expect(parse({ 'retry-after': 'Thu, 01 Jan 2026 00:00:04 GMT' })).toBe(
      4000,
    );
  });

  test('retry-after-ms wins over retry-after', () => {
    expect(parse({ 'retry-after-ms': '250', 'retry-after': '9' })).toBe(250);
  });

  test('absent, unreadable, negative or over a minute counts as absent', () => {
    expect(parse({})).toBeUndefined();
    expect(parse({ 'retry-after': 'soon' })).toBeUndefined();
    expect(parse({ 'retry-after-ms': '-5' })).toBeUndefined();
    expect(parse({ 'retry-after': '3600' })).toBeUndefined();
  });

  test('a date in the past means retry now', () => {
    expect(parse({ 'retry-after': 'Wed, 31 Dec 2025 23:59:00 GMT' })).toBe(0);
  });
});

describe('retryDelayMs', () => {
  test('doubles from 0.5 s and caps at 8 s without jitter', () => {
    const noJitter = () => 0;
    expect(
      [0, 1, 2, 3, 4, 5, 10].map((n) => retryDelayMs(n, undefined, noJitter)),
    ).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });

  test('jitter takes off at most 25 %', () => {
    expect(retryDelayMs(2, undefined, () => 0.999999)).toBe(1500);
    expect(retryDelayMs(2, undefined, () => 0.5)).toBe(1750);
  });

  test('the server-requested wait wins', () => {
    expect(retryDelayMs(0, 4200, () => 0.5)).toBe(4200);
  });
});
