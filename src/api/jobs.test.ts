import {
  APIUserAbortError,
  NotFoundError,
  ServerError,
  normaliseProgress,
  type JobResponse,
} from './index';
import { createFakeServer, json, testClient } from './test-support/fake-server';

const job = (status: string, extra: Partial<JobResponse> = {}) =>
  json({ status, ...extra });

describe('getJob and cancelJob', () => {
  test('getJob GETs /job/{id} with the id encoded', async () => {
    const server = createFakeServer();
    server.on('GET', '/job/a%2Fb', job('InProgress', { progress: 0.5 }));
    const { client } = testClient(server);

    await expect(client.getJob('a/b')).resolves.toEqual({
      status: 'InProgress',
      progress: 0.5,
    });
  });

  test('getJob keeps unknown extra fields', async () => {
    const server = createFakeServer();
    server.on('GET', '/job/j', job('Pending', { source: { x: 1 } }));
    const { client } = testClient(server);

    expect((await client.getJob('j')).source).toEqual({ x: 1 });
  });

  test('cancelJob POSTs /cancel/{id}', async () => {
    const server = createFakeServer();
    server.on('POST', '/cancel/job-1', json({}));
    const { client } = testClient(server);

    await expect(client.cancelJob('job-1')).resolves.toBeUndefined();
    expect(server.requestsTo('POST', '/cancel/job-1')).toHaveLength(1);
  });

  test('cancelling a job the API no longer knows (404) resolves', async () => {
    const server = createFakeServer();
    server.on('POST', '/cancel/gone', json({ detail: 'Job not found' }, 404));
    const { client } = testClient(server);

    await expect(client.cancelJob('gone')).resolves.toBeUndefined();
  });

  test('cancelJob is not retried on 5xx', async () => {
    const server = createFakeServer();
    server.on('POST', '/cancel/job-1', json({}, 500));
    const { client } = testClient(server, { maxRetries: 2 });

    await expect(client.cancelJob('job-1')).rejects.toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(1);
  });

  test('getJob of an unknown id is NotFoundError', async () => {
    const server = createFakeServer();
    server.on('GET', '/job/nope', json({ detail: 'Job not found' }, 404));
    const { client } = testClient(server);

    await expect(client.getJob('nope')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('waitForJob', () => {
  test('reads 1 as 1% while running, and keeps reading percent once one is seen', async () => {
    const server = createFakeServer();
    server.on(
      'GET',
      '/job/job-1',
      job('InProgress', { progress: 1 }),
      job('InProgress', { progress: 5 }),
      job('InProgress', { progress: 0.5 }),
      job('Completed', { progress: 100 }),
    );
    const { client } = testClient(server);
    const progress: (number | null)[] = [];

    await client.waitForJob('job-1', {
      onProgress: (value) => progress.push(value),
    });

    expect(progress).toEqual([0.01, 0.05, 0.005, 1]);
  });

  test('polls to completion, reporting normalised progress each time', async () => {
    const server = createFakeServer();
    const completed = {
      status: 'Completed',
      progress: 100,
      result: { job_id: 'job-1', usage: { num_pages: 1 }, result: {} },
    };
    server.on(
      'GET',
      '/job/job-1',
      job('Pending'),
      job('InProgress', { progress: 0.25 }),
      job('InProgress', { progress: 60 }),
      json(completed),
    );
    const { client, waits } = testClient(server);
    const progress: (number | null)[] = [];
    const statuses: string[] = [];

    const final = await client.waitForJob('job-1', {
      onProgress: (value, current) => {
        progress.push(value);
        statuses.push(current.status);
      },
    });

    expect(final).toEqual(completed);
    expect(progress).toEqual([null, 0.25, 0.6, 1]);
    expect(statuses).toEqual([
      'Pending',
      'InProgress',
      'InProgress',
      'Completed',
    ]);
    // First poll at once, then 1 s growing ×1.5.
    expect(waits).toEqual([1000, 1500, 2250]);
  });

  test('the interval grows to pollMaxMs and stays there', async () => {
    const server = createFakeServer();
    const pending = Array.from({ length: 8 }, () => job('Pending'));
    server.on('GET', '/job/j', ...pending, job('Completed'));
    const { client, waits } = testClient(server);

    await client.waitForJob('j');

    expect(waits).toEqual([1000, 1500, 2250, 3375, 5063, 7595, 8000, 8000]);
  });

  test('the schedule is configurable', async () => {
    const server = createFakeServer();
    server.on(
      'GET',
      '/job/j',
      job('Idle'),
      job('Idle'),
      job('Idle'),
      job('Completed'),
    );
    const { client, waits } = testClient(server, {
      pollInitialMs: 200,
      pollMaxMs: 300,
    });

    await client.waitForJob('j');

    expect(waits).toEqual([200, 300, 300]);
  });

  test('a failed job resolves with its reason (not an exception)', async () => {
    const server = createFakeServer();
    server.on(
      'GET',
      '/job/j',
      job('Pending'),
      job('Failed', { reason: 'Pipeline not found' }),
    );
    const { client } = testClient(server);

    await expect(client.waitForJob('j')).resolves.toMatchObject({
      status: 'Failed',
      reason: 'Pipeline not found',
    });
    expect(server.requests).toHaveLength(2);
  });

  test('a cancelled job is terminal', async () => {
    const server = createFakeServer();
    server.on('GET', '/job/j', job('Completing'), job('Cancelled'));
    const { client } = testClient(server);

    await expect(client.waitForJob('j')).resolves.toMatchObject({
      status: 'Cancelled',
    });
  });

  test('unknown statuses keep polling', async () => {
    const server = createFakeServer();
    server.on('GET', '/job/j', job('Queued-Somewhere'), job('Completed'));
    const { client } = testClient(server);

    await client.waitForJob('j');

    expect(server.requests).toHaveLength(2);
  });

  test('a rate-limited poll waits longer instead of failing', async () => {
    const server = createFakeServer();
    server.on(
      'GET',
      '/job/j',
      job('Pending'),
      json({ message: '[CODE 2000] rate limit exceeded' }, 429),
      json({}, 429, { 'retry-after': '9' }),
      job('Completed'),
    );
    const { client, waits } = testClient(server);

    await expect(client.waitForJob('j')).resolves.toMatchObject({
      status: 'Completed',
    });
    // 1 s after the first poll; the 429s double the interval and respect
    // the server's Retry-After.
    expect(waits).toEqual([1000, 3000, 9000]);
  });

  test('other errors reject the wait', async () => {
    const server = createFakeServer();
    server.on('GET', '/job/j', job('Pending'), json({ detail: 'gone' }, 404));
    const { client } = testClient(server);

    await expect(client.waitForJob('j')).rejects.toBeInstanceOf(NotFoundError);
  });

  test('aborting while waiting between polls rejects promptly and stops polling', async () => {
    const server = createFakeServer();
    server.on('GET', '/job/j', job('Pending'));
    // Real sleeps with a long interval: only the abort can end the wait.
    const { client } = testClient(server, {
      sleep: undefined,
      pollInitialMs: 60_000,
    });
    const controller = new AbortController();
    const progress: (number | null)[] = [];

    const started = Date.now();
    const pending = client.waitForJob('j', {
      signal: controller.signal,
      onProgress: (value) => {
        progress.push(value);
        setTimeout(() => controller.abort(), 5);
      },
    });

    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(server.requests).toHaveLength(1);
    expect(progress).toEqual([null]);
  });
});

describe('normaliseProgress', () => {
  test.each([
    [1, 'InProgress', false, 0.01],
    [1, 'Pending', false, 0.01],
    [1, 'Completed', false, 1],
    [0.5, 'InProgress', true, 0.005],
    [1, 'InProgress', true, 0.01],
    [0.5, 'InProgress', false, 0.5],
  ] as const)(
    '%s while %s (percent seen: %s) → %s',
    (input, status, percentSeen, expected) => {
      expect(normaliseProgress(input, status, percentSeen)).toBe(expected);
    },
  );

  test.each([
    [0, 0],
    [0.4, 0.4],
    [1, 1],
    [45, 0.45],
    [100, 1],
    [250, 1],
    [-3, 0],
    [null, null],
    [undefined, null],
    [Number.NaN, null],
    ['50', null],
  ])('%s → %s', (input, expected) => {
    expect(normaliseProgress(input)).toBe(expected);
  });
});
