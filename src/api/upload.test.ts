import {
  FileTooLargeError,
  MAX_DIRECT_UPLOAD_BYTES,
  MAX_UPLOAD_BYTES,
  RateLimitError,
  ServerError,
  extensionOf,
} from './index';
import { uploadTimeoutMs } from './upload';
import {
  API_KEY,
  FakeLargeFile,
  createFakeServer,
  json,
  testClient,
  text,
} from './test-support/fake-server';

const PRESIGNED = 'https://storage.test/bucket/50c0?X-Amz-Signature=abc';

describe('direct upload (up to 100 MB)', () => {
  test('POSTs multipart with field "file" and ?extension, and returns file_id', async () => {
    const server = createFakeServer();
    server.on(
      'POST',
      '/upload',
      json({ file_id: 'reducto://abc.pdf', presigned_url: null }),
    );
    const { client } = testClient(server);
    const file = new File(['%PDF-1.7 tiny'], 'Invoice March.PDF', {
      type: 'application/pdf',
    });

    await expect(client.upload(file)).resolves.toBe('reducto://abc.pdf');

    const [request] = server.requests;
    expect(new URL(request!.url).searchParams.get('extension')).toBe('pdf');
    expect(request!.headers.get('authorization')).toBe(`Bearer ${API_KEY}`);
    // fetch writes the multipart Content-Type (with its boundary), not us.
    expect(request!.headers.get('content-type')).toMatch(
      /^multipart\/form-data; boundary=/,
    );
    const part = (await request!.formData()).get('file');
    expect(part).toBeInstanceOf(File);
    expect((part as File).name).toBe('Invoice March.PDF');
    expect(await (part as File).text()).toBe('%PDF-1.7 tiny');
  });

  test('a nameless Blob gets its extension from its type; options.filename wins', async () => {
    const server = createFakeServer();
    server.on('POST', '/upload', json({ file_id: 'reducto://x' }));
    const { client } = testClient(server);

    await client.upload(new Blob(['x'], { type: 'image/png' }));
    await client.upload(new Blob(['x'], { type: 'image/png' }), {
      filename: 'scan.tiff',
    });

    const extensions = server.requests.map((r) =>
      new URL(r.url).searchParams.get('extension'),
    );
    expect(extensions).toEqual(['png', 'tiff']);
    const second = (await server.requests[1]!.formData()).get('file') as File;
    expect(second.name).toBe('scan.tiff');
  });

  test('without a name or known type, no extension is sent', async () => {
    const server = createFakeServer();
    server.on('POST', '/upload', json({ file_id: 'reducto://x' }));
    const { client } = testClient(server);

    await client.upload(new Blob(['x']));

    expect(new URL(server.requests[0]!.url).search).toBe('');
  });

  test('an upload is not retried on 5xx, but is on 429', async () => {
    const server = createFakeServer();
    server.on('POST', '/upload', json({}, 502));
    const { client } = testClient(server, { maxRetries: 2 });
    await expect(
      client.upload(new File(['x'], 'a.pdf')),
    ).rejects.toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(1);

    const limited = createFakeServer();
    limited.on(
      'POST',
      '/upload',
      json({ message: 'slow' }, 429),
      json({ file_id: 'reducto://y.pdf' }),
    );
    const retried = testClient(limited, { maxRetries: 2 });
    await expect(retried.client.upload(new File(['x'], 'a.pdf'))).resolves.toBe(
      'reducto://y.pdf',
    );
    expect(limited.requests).toHaveLength(2);
  });

  test('a 2xx without file_id is an unexpected response', async () => {
    const server = createFakeServer();
    server.on('POST', '/upload', text('OK'));
    const { client } = testClient(server);

    await expect(client.upload(new File(['x'], 'a.pdf'))).rejects.toMatchObject(
      { kind: 'unexpected-response' },
    );
  });
});

describe('presigned upload (over 100 MB)', () => {
  test('asks for a slot with {} then PUTs the bytes with no Authorization and no Content-Type', async () => {
    const server = createFakeServer();
    server.on(
      'POST',
      '/upload',
      json({ file_id: 'reducto://50c0', presigned_url: PRESIGNED }),
    );
    server.on('PUT', PRESIGNED, text('', 200));
    const { client } = testClient(server);
    const file = new FakeLargeFile(150 * 1000 * 1000, 'big-scan.pdf');

    await expect(client.upload(file)).resolves.toBe('reducto://50c0');

    const [slot, put] = server.requests;
    expect(slot!.method).toBe('POST');
    expect(slot!.headers.get('authorization')).toBe(`Bearer ${API_KEY}`);
    expect(slot!.headers.get('content-type')).toBe('application/json');
    expect(await slot!.json()).toEqual({});

    expect(put!.method).toBe('PUT');
    expect(put!.url).toBe(PRESIGNED);
    expect(put!.headers.has('authorization')).toBe(false);
    expect(put!.headers.has('content-type')).toBe(false);
    expect(await put!.text()).toBe('%PDF-1.7 fake large file');
    // The whole file, as a type-less slice (no preflight, no signature clash).
    expect(file.sliceCalls).toEqual([[0, 150 * 1000 * 1000, '']]);
  });

  test('just over the direct limit already takes the presigned path', async () => {
    const server = createFakeServer();
    server.on(
      'POST',
      '/upload',
      json({ file_id: 'reducto://1', presigned_url: PRESIGNED }),
    );
    server.on('PUT', PRESIGNED, text(''));
    const { client } = testClient(server);

    await client.upload(
      new FakeLargeFile(MAX_DIRECT_UPLOAD_BYTES + 1, 'a.pdf'),
    );

    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'PUT']);
  });

  test('an expired presigned URL (S3 403 XML) says the link expired', async () => {
    const server = createFakeServer();
    server.on(
      'POST',
      '/upload',
      json({ file_id: 'reducto://1', presigned_url: PRESIGNED }),
    );
    server.on(
      'PUT',
      PRESIGNED,
      text(
        '<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>',
        403,
      ),
    );
    const { client } = testClient(server);

    const error = await client
      .upload(new FakeLargeFile(200e6, 'a.pdf'))
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ kind: 'permission', status: 403 });
    expect((error as Error).message).toMatch(
      /storage\.test answered 403: Request has expired\. The temporary link may have expired/,
    );
  });

  test('a slot answer without presigned_url is an unexpected response', async () => {
    const server = createFakeServer();
    server.on('POST', '/upload', json({ file_id: 'reducto://1' }));
    const { client } = testClient(server);

    await expect(
      client.upload(new FakeLargeFile(200e6, 'a.pdf')),
    ).rejects.toMatchObject({ kind: 'unexpected-response' });
    expect(server.requests).toHaveLength(1);
  });

  test('a 429 on the slot request is retried', async () => {
    const server = createFakeServer();
    server.on(
      'POST',
      '/upload',
      json({}, 429),
      json({ file_id: 'reducto://1', presigned_url: PRESIGNED }),
    );
    server.on('PUT', PRESIGNED, text(''));
    const { client } = testClient(server, { maxRetries: 1 });

    await expect(
      client.upload(new FakeLargeFile(200e6, 'a.pdf')),
    ).resolves.toBe('reducto://1');
  });

  test('the PUT rate limit is surfaced when retries run out', async () => {
    const server = createFakeServer();
    server.on(
      'POST',
      '/upload',
      json({ file_id: 'reducto://1', presigned_url: PRESIGNED }),
    );
    server.on('PUT', PRESIGNED, text('SlowDown', 429));
    const { client } = testClient(server);

    await expect(
      client.upload(new FakeLargeFile(200e6, 'a.pdf')),
    ).rejects.toBeInstanceOf(RateLimitError);
  });
});

describe('limits', () => {
  test('over 5 GB is refused before any request, with a clear message', async () => {
    const server = createFakeServer();
    const { client } = testClient(server);
    const file = new FakeLargeFile(MAX_UPLOAD_BYTES + 1, 'huge.pdf');

    const error = await client.upload(file).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(FileTooLargeError);
    expect((error as FileTooLargeError).kind).toBe('file-too-large');
    expect((error as Error).message).toMatch(
      /^huge\.pdf is 5\.4 GB; the API accepts files up to 5 GB\./,
    );
    expect(server.requests).toHaveLength(0);
  });

  test('writes the size as the rest of the app does (no trailing ".0")', async () => {
    const server = createFakeServer();
    const { client } = testClient(server);
    const file = new FakeLargeFile(6e9, 'huge.pdf');

    const error = await client.upload(file).catch((e: unknown) => e);

    expect((error as Error).message).toMatch(/^huge\.pdf is 6 GB;/);
  });

  test('uploads get the normal timeout plus a second per 100 kB', () => {
    expect(uploadTimeoutMs(120_000, 0)).toBe(120_000);
    expect(uploadTimeoutMs(120_000, 150e6)).toBe(120_000 + 1_500_000);
  });

  test.each([
    ['report.PDF', '', 'pdf'],
    ['archive.tar.gz', '', 'gz'],
    ['no-extension', 'application/pdf', 'pdf'],
    [undefined, 'image/jpeg', 'jpg'],
    [undefined, 'application/x-unknown', undefined],
  ])('extensionOf(%s, %s) = %s', (name, type, expected) => {
    expect(extensionOf(name, type)).toBe(expected);
  });
});
