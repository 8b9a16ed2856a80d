import {
  APIError,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  PasswordRequiredError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  UnexpectedResponseError,
  ValidationError,
  describeError,
  describeErrorKind,
  errorKind,
  isReductoError,
  type ReductoErrorKind,
} from './index';
import {
  API_KEY,
  createFakeServer,
  json,
  testClient,
  text,
  type Handler,
} from './test-support/fake-server';

const NGINX_403 = `<html>
<head><title>403 Forbidden</title></head>
<body>
<center><h1>403 Forbidden</h1></center>
<hr><center>nginx</center>
</body>
</html>`;

/** Runs getJob against one canned answer and returns what it threw. */
async function failureOf(
  handler: Handler,
  getApiKey: () => string | null = () => API_KEY,
) {
  const server = createFakeServer();
  server.on('GET', '/job/job-1', handler);
  const { client } = testClient(server, { getApiKey });
  return client.getJob('job-1').then(
    () => {
      throw new Error('expected getJob to reject');
    },
    (error: unknown) => error,
  );
}

describe('errors from status and body', () => {
  const cases: {
    name: string;
    handler: Handler;
    type: new (...args: never[]) => APIError;
    kind: ReductoErrorKind;
    status: number;
    says: RegExp;
  }[] = [
    {
      name: '400 with the documented {error:{message}} envelope',
      handler: json(
        {
          error: {
            message: 'Failed to download file from url',
            type: 'file_download_failure',
            code: 400,
          },
        },
        400,
      ),
      type: BadRequestError,
      kind: 'bad-request',
      status: 400,
      says: /Failed to download file from url/,
    },
    {
      name: '401 with the observed AUTH_ERROR envelope',
      handler: json(
        {
          error: {
            code: 401,
            name: 'AUTH_ERROR',
            message: 'Invalid access token',
          },
        },
        401,
      ),
      type: AuthenticationError,
      kind: 'authentication',
      status: 401,
      says: /key was rejected.*Invalid access token.*Settings/,
    },
    {
      name: '403 nginx HTML page',
      handler: text(NGINX_403, 403, { 'content-type': 'text/html' }),
      type: PermissionDeniedError,
      kind: 'permission',
      status: 403,
      says: /^The API refused access \(403\): 403 Forbidden\. Check/,
    },
    {
      name: '404 with a FastAPI string detail',
      handler: json({ detail: 'Job not found' }, 404),
      type: NotFoundError,
      kind: 'not-found',
      status: 404,
      says: /Not found \(404\): Job not found\. The job, file or pipeline ID/,
    },
    {
      name: '429 with an edge {message} body',
      handler: json(
        {
          message:
            '[CODE 2000] rate limit exceeded, please use webhooks instead of polling',
        },
        429,
      ),
      type: RateLimitError,
      kind: 'rate-limit',
      status: 429,
      says: /\[CODE 2000\] rate limit exceeded.*Wait a moment/,
    },
    {
      name: '442 password-protected document',
      handler: json({ detail: 'Document is password protected' }, 442),
      type: PasswordRequiredError,
      kind: 'password-required',
      status: 442,
      says: /password-protected.*Enter its password/,
    },
    {
      name: '500 with a plain-text body',
      handler: text('Internal Server Error', 500),
      type: ServerError,
      kind: 'server',
      status: 500,
      says: /server error \(500\): Internal Server Error\. Try again/,
    },
    {
      name: '503 with an empty body',
      handler: text('', 503),
      type: ServerError,
      kind: 'server',
      status: 503,
      says: /^The API had a server error \(503\)\. Try again/,
    },
    {
      name: '418, a status without its own class',
      handler: json({ message: 'short and stout' }, 418),
      type: APIError,
      kind: 'http',
      status: 418,
      says: /HTTP 418: short and stout/,
    },
  ];

  test.each(cases)('$name', async ({ handler, type, kind, status, says }) => {
    const error = await failureOf(handler);
    expect(error).toBeInstanceOf(type);
    expect(errorKind(error)).toBe(kind);
    expect((error as APIError).status).toBe(status);
    expect((error as APIError).message).toMatch(says);
    expect((error as APIError).message).not.toContain(API_KEY);
  });

  test('422 exposes the FastAPI detail list as issues and names the fields', async () => {
    const error = await failureOf(
      json(
        {
          detail: [
            {
              loc: ['body', 'settings', 'document_pass'],
              msg: 'Extra inputs are not permitted',
              type: 'extra_forbidden',
              input: 'x',
            },
            {
              loc: ['body', 'pipeline_id'],
              msg: 'Field required',
              type: 'missing',
            },
          ],
        },
        422,
      ),
    );
    expect(error).toBeInstanceOf(ValidationError);
    const validation = error as ValidationError;
    expect(validation.kind).toBe('validation');
    expect(validation.issues.map((issue) => issue.loc.join('.'))).toEqual([
      'body.settings.document_pass',
      'body.pipeline_id',
    ]);
    expect(validation.issues[1]?.type).toBe('missing');
    expect(validation.message).toContain(
      'body.settings.document_pass: Extra inputs are not permitted; body.pipeline_id: Field required',
    );
  });

  test('the observed envelope prefers error.message over a generic detail', async () => {
    const error = await failureOf(
      json(
        {
          error: { code: 400, name: 'INVALID_CONFIG', message: 'Bad schema' },
          detail: 'Bad request',
        },
        400,
      ),
    );
    expect((error as Error).message).toContain('Bad schema');
  });

  test('429 carries the Retry-After the server sent', async () => {
    const error = await failureOf(
      json({ message: 'slow down' }, 429, { 'retry-after': '7' }),
    );
    expect((error as RateLimitError).retryAfterMs).toBe(7000);
  });

  test('without a key, a 403 tells the person to enter one', async () => {
    const error = await failureOf(text(NGINX_403, 403), () => null);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toMatch(/No API key is set/);
  });

  test('a key the server echoes back is scrubbed from message and body', async () => {
    const error = await failureOf(
      json({ detail: `Invalid token ${API_KEY}` }, 401),
    );
    expect((error as Error).message).toContain('Invalid token [redacted]');
    expect(JSON.stringify((error as APIError).body)).not.toContain(API_KEY);
  });

  test('a 2xx without the promised fields is an unexpected response', async () => {
    const error = await failureOf(text('<html>Welcome to nginx</html>'));
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as Error).message).toMatch(/may not point at a Reducto API/);
  });
});

describe('describe helpers', () => {
  test('client errors describe themselves; others get a generic sentence', async () => {
    const error = await failureOf(json({}, 442));
    expect(isReductoError(error)).toBe(true);
    expect(describeError(error)).toMatch(/password-protected/);
    expect(describeErrorKind(error)).toBe('Password required');

    expect(isReductoError(new Error('boom'))).toBe(false);
    expect(errorKind(new Error('boom'))).toBe('unknown');
    expect(describeError(new Error('boom'))).toBe('Unexpected error: boom');
    expect(describeError('a string')).toBe('Unexpected error.');
    expect(describeErrorKind(undefined)).toBe('Error');
  });
});
