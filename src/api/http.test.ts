import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  RateLimitError,
  ServerError,
  createReductoClient,
} from './index';
import {
  API_KEY,
  BASE_URL,
  createFakeServer,
  hang,
  json,
  networkError,
  testClient,
} from './test-support/fake-server';

const JOB = { status: 'Pending', progress: null };
const CALL = { input: 'reducto://doc.pdf', pipelineId: 'pipe-1' };

describe('headers and the key', () => {
  test('a JSON POST sends only Authorization and Content-Type', async () => {
    const server = createFakeServer();
    server.on('POST', '/pipeline_async', json({ job_id: 'job-1' }));
    const { client } = testClient(server);

    await client.startPipeline(CALL);

    const [request] = server.requests;
    expect([...request!.headers.keys()].sort()).toEqual([
      'authorization',
      'content-type',
    ]);
    expect(request!.headers.get('authorization')).toBe(`Bearer ${API_KEY}`);
    expect(request!.headers.get('content-type')).toBe('application/json');
  });

  test('a GET sends only Authorization', async () => {
    const server = createFakeServer();
    server.on('GET', '/job/job-1', json(JOB));
    const { client } = testClient(server);

    await client.getJob('job-1');

    expect([...server.requests[0]!.headers.keys()]).toEqual(['authorization']);
  });

  test('the key is read at call time, so a key entered later is used', async () => {
    const server = createFakeServer();
    server.on('GET', '/job/job-1', json(JOB));
    let key: string | null = null;
    const { client } = testClient(server, { getApiKey: () => key });

    await client.getJob('job-1');
    key = 'sk-entered-later';
    await client.getJob('job-1');

    expect(server.requests.map((r) => r.headers.get('authorization'))).toEqual([
      null,
      'Bearer sk-entered-later',
    ]);
  });

  test('fetch is called unbound (a bound call is "Illegal invocation" in browsers)', async () => {
    const server = createFakeServer();
    server.on('GET', '/job/job-1', json(JOB));
    const receivers: unknown[] = [];
    function strictFetch(
      this: unknown,
      input: RequestInfo | URL,
      init?: RequestInit,
    ) {
      receivers.push(this);
      return server.fetch(input, init);
    }
    const client = createReductoClient({
      baseUrl: BASE_URL,
      getApiKey: () => API_KEY,
      fetch: strictFetch,
      maxRetries: 0,
    });

    await client.getJob('job-1');

    expect(receivers).toEqual([undefined]);
  });

  test('a trailing slash in the base URL is ignored', async () => {
    const server = createFakeServer();
    server.on('GET', '/job/job-1', json(JOB));
    const { client } = testClient(server, { baseUrl: `${BASE_URL}//` });

    expect(client.baseUrl).toBe(BASE_URL);
    await expect(client.getJob('job-1')).resolves.toEqual(JOB);
  });

  test('the key never goes to a URL outside the base path, even on the same host', async () => {
    const server = createFakeServer();
    const base = 'https://proxy.test/reducto';
    server.on(
      'GET',
      'https://proxy.test/results/r1.json',
      json({ type: 'full', chunks: [] }),
    );
    const { client } = testClient(server, { baseUrl: base });

    await client.resolveResult({
      job_id: 'j',
      usage: { num_pages: 1 },
      result: {
        parse: {
          job_id: 'p',
          duration: 1,
          usage: { num_pages: 1 },
          result: {
            type: 'url',
            url: 'https://proxy.test/results/r1.json',
            result_id: 'r1',
          },
        },
        extract: null,
        split: null,
      },
    });

    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers.has('authorization')).toBe(false);
  });
});

describe('retries', () => {
  test('a GET is retried on 503 and then succeeds, with backoff', async () => {
    const server = createFakeServer();
    server.on(
      'GET',
      '/job/job-1',
      json({ detail: 'busy' }, 503),
      json({ detail: 'busy' }, 502),
      json({ status: 'Completed' }),
    );
    const { client, waits } = testClient(server, { maxRetries: 2 });

    await expect(client.getJob('job-1')).resolves.toEqual({
      status: 'Completed',
    });
    expect(server.requests).toHaveLength(3);
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(375);
    expect(waits[0]).toBeLessThanOrEqual(500);
    expect(waits[1]).toBeGreaterThanOrEqual(750);
    expect(waits[1]).toBeLessThanOrEqual(1000);
  });

  test('gives up after maxRetries and throws the last error', async () => {
    const server = createFakeServer();
    server.on('GET', '/job/job-1', json({ detail: 'down' }, 500));
    const { client } = testClient(server, { maxRetries: 2 });

    await expect(client.getJob('job-1')).rejects.toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(3);
  });

  test('maxRetries defaults to 2', async () => {
    const server = createFakeServer();
    server.on('GET', '/job/job-1', json({}, 500));
    const { client } = testClient(server, { maxRetries: undefined });

    await expect(client.getJob('job-1')).rejects.toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(3);
  });

  test('a job-creating POST is NOT retried on 5xx (it may have created the job)', async () => {
    const server = createFakeServer();
    server.on('POST', '/pipeline_async', json({ detail: 'oops' }, 500));
    const { client } = testClient(server, { maxRetries: 2 });

    await expect(client.startPipeline(CALL)).rejects.toBeInstanceOf(
      ServerError,
    );
    expect(server.requests).toHaveLength(1);
  });

  test('a job-creating POST IS retried on 429 (the request was refused)', async () => {
    const server = createFakeServer();
    server.on(
      'POST',
      '/pipeline_async',
      json({ message: '[CODE 1000] rate limit exceeded' }, 429),
      json({ job_id: 'job-9' }),
    );
    const { client } = testClient(server, { maxRetries: 2 });

    await expect(client.startPipeline(CALL)).resolves.toBe('job-9');
    expect(server.requests).toHaveLength(2);
  });

  test('a job-creating POST is not retried after a network error', async () => {
    const server = createFakeServer();
    server.on('POST', '/pipeline_async', networkError);
    const { client } = testClient(server, { maxRetries: 2 });

    await expect(client.startPipeline(CALL)).rejects.toBeInstanceOf(
      APIConnectionError,
    );
    expect(server.requests).toHaveLength(1);
  });

  test('Retry-After (seconds) and retry-after-ms are honoured', async () => {
    const server = createFakeServer();
    server.on(
      'GET',
      '/job/job-1',
      json({}, 429, { 'retry-after': '3' }),
      json({}, 503, { 'retry-after-ms': '1250' }),
      json(JOB),
    );
    const { client, waits } = testClient(server, { maxRetries: 2 });

    await client.getJob('job-1');

    expect(waits).toEqual([3000, 1250]);
  });

  test('a 429 that persists surfaces as RateLimitError', async () => {
    const server = createFakeServer();
    server.on('POST', '/pipeline_async', json({ message: 'slow' }, 429));
    const { client } = testClient(server, { maxRetries: 1 });

    await expect(client.startPipeline(CALL)).rejects.toBeInstanceOf(
      RateLimitError,
    );
    expect(server.requests).toHaveLength(2);
  });
});

describe('network, timeout and abort', () => {
  test('a network TypeError becomes APIConnectionError that mentions CORS, the origin, and no key', async () => {
    const server = createFakeServer();
    server.on('GET', '/job/job-1', networkError);
    const { client } = testClient(server, { maxRetries: 2 });

    const error = await client.getJob('job-1').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(APIConnectionError);
    const message = (error as APIConnectionError).message;
    expect(message).toContain(`Could not reach the API at ${BASE_URL}`);
    expect(message).toContain('CORS');
    expect(message).toMatch(/try another region, or use a proxy/);
    expect(message).not.toContain(API_KEY);
    expect((error as APIConnectionError).cause).toBeInstanceOf(TypeError);
    // GETs are idempotent: retried before giving up.
    expect(server.requests).toHaveLength(3);
  });

  test('no answer within timeoutMs → APITimeoutError', async () => {
    const server = createFakeServer();
    server.on('GET', '/job/job-1', hang);
    const { client } = testClient(server, { timeoutMs: 30 });

    const error = await client.getJob('job-1').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as APITimeoutError).kind).toBe('timeout');
    expect(server.signals[0]?.aborted).toBe(true);
  });

  test('aborting mid-request rejects quickly with APIUserAbortError and aborts the fetch', async () => {
    const server = createFakeServer();
    server.on('GET', '/job/job-1', hang);
    const { client } = testClient(server);
    const controller = new AbortController();

    const started = Date.now();
    const pending = client.getJob('job-1', { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    const error = await pending.catch((e: unknown) => e);

    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as APIUserAbortError).kind).toBe('aborted');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(server.signals[0]?.aborted).toBe(true);
  });

  test('an abort ends the call even when the injected fetch ignores the signal', async () => {
    const deafFetch = (() =>
      new Promise<Response>(() => undefined)) as typeof fetch;
    const client = createReductoClient({
      baseUrl: BASE_URL,
      getApiKey: () => API_KEY,
      fetch: deafFetch,
    });
    const controller = new AbortController();

    const pending = client.getJob('job-1', { signal: controller.signal });
    controller.abort();

    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
  });

  test('an already-aborted signal sends nothing', async () => {
    const server = createFakeServer();
    server.on('POST', '/pipeline_async', json({ job_id: 'x' }));
    const { client } = testClient(server);

    await expect(
      client.startPipeline({ ...CALL, signal: AbortSignal.abort() }),
    ).rejects.toBeInstanceOf(APIUserAbortError);
    expect(server.requests).toHaveLength(0);
  });

  test('an abort during the retry wait stops the retries', async () => {
    const server = createFakeServer();
    server.on('GET', '/job/job-1', json({}, 503));
    const controller = new AbortController();
    const client = createReductoClient({
      baseUrl: BASE_URL,
      getApiKey: () => API_KEY,
      fetch: server.fetch,
      maxRetries: 5,
      // A real-length wait that only the abort can cut short.
      sleep: (ms, signal) =>
        new Promise((resolve, reject) => {
          const timer = setTimeout(resolve, ms * 100);
          signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(new Error('sleep aborted'));
          });
          controller.abort();
        }),
    });

    const error = await client
      .getJob('job-1', { signal: controller.signal })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(server.requests).toHaveLength(1);
  });
});
