import type {
  Chunk,
  FullResult,
  ParseResponse,
  PipelineResponse,
} from './index';
import {
  createFakeServer,
  json,
  testClient,
  text,
} from './test-support/fake-server';

const STORAGE = 'https://results.storage.test';

const chunk = (content: string): Chunk => ({
  content,
  embed: content,
  enriched: null,
  blocks: [
    {
      type: 'Text',
      content,
      bbox: { left: 0.1, top: 0.1, width: 0.5, height: 0.1, page: 1 },
    },
  ],
});

const urlParse = (id: string): ParseResponse => ({
  job_id: `parse-${id}`,
  duration: 2,
  usage: { num_pages: 1 },
  result: {
    type: 'url',
    url: `${STORAGE}/${id}.json?X-Amz-Signature=s`,
    result_id: id,
  },
});

const fullParse = (content: string): ParseResponse => ({
  job_id: 'parse-full',
  duration: 1,
  usage: { num_pages: 1 },
  result: { type: 'full', chunks: [chunk(content)] },
});

const pipeline = (parse: PipelineResponse['result']['parse']) =>
  ({
    job_id: 'job-1',
    usage: { num_pages: 1 },
    result: { parse, extract: null, split: null },
  }) satisfies PipelineResponse;

describe('resolveResult', () => {
  test('fetches a URL result (object body) without the API key and without mutating the input', async () => {
    const server = createFakeServer();
    const full: FullResult = {
      type: 'full',
      chunks: [chunk('Hello')],
      ocr: null,
    };
    server.on('GET', `${STORAGE}/r1.json`, json(full));
    const { client } = testClient(server);
    const input = pipeline(urlParse('r1'));
    const before = structuredClone(input);

    const resolved = await client.resolveResult(input);

    expect(resolved.result.parse).toMatchObject({
      job_id: 'parse-r1',
      result: full,
    });
    expect(input).toEqual(before);
    const [request] = server.requests;
    expect(request!.url).toBe(`${STORAGE}/r1.json?X-Amz-Signature=s`);
    expect(request!.headers.has('authorization')).toBe(false);
    expect([...request!.headers.keys()]).toEqual([]);
  });

  test('wraps a bare array of chunks as a full result', async () => {
    const server = createFakeServer();
    server.on('GET', `${STORAGE}/r2.json`, json([chunk('A'), chunk('B')]));
    const { client } = testClient(server);

    const resolved = await client.resolveResult(pipeline(urlParse('r2')));

    const parse = resolved.result.parse as ParseResponse;
    expect(parse.result).toEqual({
      type: 'full',
      chunks: [chunk('A'), chunk('B')],
    });
  });

  test('resolves every URL result inside a parse array and leaves full ones alone', async () => {
    const server = createFakeServer();
    server.on(
      'GET',
      `${STORAGE}/a.json`,
      json({ type: 'full', chunks: [chunk('a')] }),
    );
    server.on('GET', `${STORAGE}/b.json`, json([chunk('b')]));
    const { client } = testClient(server);
    const input = pipeline([urlParse('a'), fullParse('kept'), urlParse('b')]);

    const resolved = await client.resolveResult(input);

    const parses = resolved.result.parse as ParseResponse[];
    expect(
      parses.map((p) =>
        p.result.type === 'full'
          ? p.result.chunks.map((c) => c.content)
          : p.result.type,
      ),
    ).toEqual([['a'], ['kept'], ['b']]);
    expect(server.requests).toHaveLength(2);
    expect(server.requests.every((r) => !r.headers.has('authorization'))).toBe(
      true,
    );
    expect((input.result.parse as ParseResponse[])[0]!.result.type).toBe('url');
  });

  test('a response without URL results makes no request', async () => {
    const server = createFakeServer();
    const { client } = testClient(server);
    const input = pipeline(fullParse('x'));

    await expect(client.resolveResult(input)).resolves.toEqual(input);
    await expect(client.resolveResult(pipeline(null))).resolves.toEqual(
      pipeline(null),
    );
    expect(server.requests).toHaveLength(0);
  });

  test('a bare parse response (a parse job result) is resolved too', async () => {
    const server = createFakeServer();
    server.on('GET', `${STORAGE}/p.json`, json([chunk('p')]));
    const { client } = testClient(server);

    const resolved = (await client.resolveResult(
      urlParse('p') as unknown as PipelineResponse,
    )) as unknown as ParseResponse;

    expect(resolved.result).toEqual({ type: 'full', chunks: [chunk('p')] });
  });

  test('an expired result link says so and does not blame the key', async () => {
    const server = createFakeServer();
    server.on(
      'GET',
      `${STORAGE}/old.json`,
      text(
        '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>',
        403,
        { 'content-type': 'application/xml' },
      ),
    );
    const { client } = testClient(server);

    const error = await client
      .resolveResult(pipeline(urlParse('old')))
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ kind: 'permission', status: 403 });
    expect((error as Error).message).toBe(
      `The file storage at ${STORAGE} answered 403: Request has expired. The temporary link may have expired; run the document again.`,
    );
  });

  test('a result file without chunks is an unexpected response', async () => {
    const server = createFakeServer();
    server.on('GET', `${STORAGE}/odd.json`, json({ hello: 'world' }));
    const { client } = testClient(server);

    await expect(
      client.resolveResult(pipeline(urlParse('odd'))),
    ).rejects.toMatchObject({ kind: 'unexpected-response' });
  });

  test('a result GET is retried on 5xx', async () => {
    const server = createFakeServer();
    server.on(
      'GET',
      `${STORAGE}/flaky.json`,
      text('', 503),
      json([chunk('ok')]),
    );
    const { client } = testClient(server, { maxRetries: 1 });

    const resolved = await client.resolveResult(pipeline(urlParse('flaky')));

    expect((resolved.result.parse as ParseResponse).result.type).toBe('full');
    expect(server.requests).toHaveLength(2);
  });
});
