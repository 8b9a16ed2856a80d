import {
  APIConnectionError,
  AuthenticationError,
  REGION_PRESETS,
  createReductoClient,
} from './index';
import {
  API_KEY,
  BASE_URL,
  createFakeServer,
  json,
  networkError,
  testClient,
  text,
} from './test-support/fake-server';

describe('checkKey', () => {
  test('makes one cheap authenticated call and resolves when the key is accepted', async () => {
    const server = createFakeServer();
    server.on('GET', '/jobs', json({ jobs: [], next_cursor: null }));
    const { client } = testClient(server);

    await expect(client.checkKey()).resolves.toBeUndefined();

    const [request] = server.requests;
    const url = new URL(request!.url);
    expect(url.pathname).toBe('/jobs');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      limit: '1',
      exclude_configs: 'true',
    });
    expect(request!.headers.get('authorization')).toBe(`Bearer ${API_KEY}`);
  });

  test('a 401 rejects with AuthenticationError', async () => {
    const server = createFakeServer();
    server.on(
      'GET',
      '/jobs',
      json({ error: { code: 401, message: 'Invalid access token' } }, 401),
    );
    const { client } = testClient(server);

    const error = await client.checkKey().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).not.toContain(API_KEY);
  });

  test('a 403 (nginx page for a malformed key) also counts as a rejected key', async () => {
    const server = createFakeServer();
    server.on(
      'GET',
      '/jobs',
      text('<html><head><title>403 Forbidden</title></head></html>', 403),
    );
    const { client } = testClient(server);

    await expect(client.checkKey()).rejects.toMatchObject({
      kind: 'authentication',
      status: 403,
    });
  });

  test('an unreachable API is a connection error, not a bad key', async () => {
    const server = createFakeServer();
    server.on('GET', '/jobs', networkError);
    const { client } = testClient(server);

    await expect(client.checkKey()).rejects.toBeInstanceOf(APIConnectionError);
  });
});

describe('version', () => {
  test('returns the build string from a JSON string body, without sending the key', async () => {
    const server = createFakeServer();
    server.on('GET', '/version', json('v1.11.57-53-gd264b2c6d'));
    const { client } = testClient(server);

    await expect(client.version()).resolves.toBe('v1.11.57-53-gd264b2c6d');
    expect(server.requests[0]!.headers.has('authorization')).toBe(false);
  });

  test('also accepts a plain-text body', async () => {
    const server = createFakeServer();
    server.on('GET', '/version', text('v2.0.0\n'));
    const { client } = testClient(server);

    await expect(client.version()).resolves.toBe('v2.0.0');
  });
});

describe('createReductoClient', () => {
  test('region presets point at the hosted API', () => {
    expect(REGION_PRESETS).toEqual({
      us: 'https://platform.reducto.ai',
      eu: 'https://eu.platform.reducto.ai',
      au: 'https://au.platform.reducto.ai',
    });
  });

  test('uses globalThis.fetch when no fetch is given, looked up at call time', async () => {
    const server = createFakeServer();
    server.on('GET', '/version', json('v1'));
    vi.stubGlobal('fetch', server.fetch);
    try {
      const client = createReductoClient({
        baseUrl: BASE_URL,
        getApiKey: () => API_KEY,
      });
      await expect(client.version()).resolves.toBe('v1');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
