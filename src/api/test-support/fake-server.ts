/**
 * A fake HTTP server for the client's unit tests, at the fetch level: routes
 * answer standard Requests with standard Responses, every request is
 * recorded, and aborts behave like a real fetch (reject with AbortError).
 * Used only by src/api/*.test.ts; not exported from @/api.
 */
import { createReductoClient } from '../client';
import type { ReductoClientOptions } from '../client-types';

export const BASE_URL = 'https://api.test';
export const API_KEY = 'sk-test-secret-key-123';

export type Handler = (request: Request) => Response | Promise<Response>;

interface Route {
  method: string;
  /** Absolute URL without query (origin + pathname). */
  target: string;
  handlers: Handler[];
  calls: number;
}

export interface FakeServer {
  /** Pass as `options.fetch`. Calls it unbound, like a browser would. */
  fetch: typeof fetch;
  /** Every request in order (clones: bodies are still readable). */
  requests: Request[];
  /** The signal the client passed with each request, in order. */
  signals: (AbortSignal | undefined)[];
  /**
   * Answers `method path` with the handlers in turn; the last one repeats.
   * A path starting with `/` is under BASE_URL; otherwise give a full URL.
   */
  on(method: string, path: string, ...handlers: Handler[]): void;
  /** Requests to `method path` (query ignored). */
  requestsTo(method: string, path: string): Request[];
}

const withoutQuery = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
};

const toTarget = (path: string) =>
  withoutQuery(path.startsWith('/') ? `${BASE_URL}${path}` : path);

export function createFakeServer(): FakeServer {
  const routes: Route[] = [];
  const requests: Request[] = [];
  const signals: (AbortSignal | undefined)[] = [];

  const fetchImpl = async (
    input: RequestInfo | URL,
    init?: RequestInit,
  ): Promise<Response> => {
    const request = new Request(input, init);
    requests.push(request.clone());
    // Kept apart: a Request's own signal may stop following once the
    // Request is garbage-collected.
    signals.push(init?.signal ?? undefined);
    const target = withoutQuery(request.url);
    const route = routes.find(
      (candidate) =>
        candidate.method === request.method && candidate.target === target,
    );
    if (!route)
      return new Response(`no fake route for ${request.method} ${target}`, {
        status: 501,
      });
    const handler =
      route.handlers[Math.min(route.calls, route.handlers.length - 1)];
    route.calls += 1;
    if (!handler) throw new Error('route without handlers');
    return abortable(Promise.resolve(handler(request)), request.signal);
  };

  return {
    fetch: fetchImpl,
    requests,
    signals,
    on(method, path, ...handlers) {
      routes.push({ method, target: toTarget(path), handlers, calls: 0 });
    },
    requestsTo(method, path) {
      const target = toTarget(path);
      return requests.filter(
        (request) =>
          request.method === method && withoutQuery(request.url) === target,
      );
    },
  };
}

/** Rejects with an AbortError when the request's signal fires, like fetch. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () =>
      reject(new DOMException('This operation was aborted', 'AbortError'));
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject);
  });
}

// ----------------------------------------------------------- handler helpers

export const json =
  (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  (): Response =>
    Response.json(body, { status, headers });

export const text =
  (body: string, status = 200, headers: Record<string, string> = {}) =>
  (): Response =>
    new Response(body, { status, headers });

/** A request that never gets an answer (until aborted). */
export const hang = (): Promise<Response> =>
  new Promise<Response>(() => undefined);

/** fetch itself rejects, as it does when offline or blocked by CORS. */
export const networkError = (): Response => {
  throw new TypeError('Failed to fetch');
};

/** An injectable sleep that records its waits and returns at once. */
export function recordingSleep() {
  const waits: number[] = [];
  const sleep = (ms: number): Promise<void> => {
    waits.push(ms);
    return Promise.resolve();
  };
  return { waits, sleep };
}

/**
 * A Blob that reports any size without allocating it; `slice` returns a
 * small real Blob and records its arguments.
 */
export class FakeLargeFile extends Blob {
  readonly name: string;
  readonly fakeSize: number;
  readonly sliceCalls: (number | string | undefined)[][] = [];

  constructor(fakeSize: number, name: string, type = 'application/pdf') {
    super(['%PDF-1.7 fake large file'], { type });
    this.fakeSize = fakeSize;
    this.name = name;
  }

  override get size(): number {
    return this.fakeSize;
  }

  override slice(start?: number, end?: number, contentType?: string): Blob {
    this.sliceCalls.push([start, end, contentType]);
    return new Blob(['%PDF-1.7 fake large file'], {
      type: contentType ?? '',
    });
  }
}

/** A client on the fake server: no retries, instant recorded sleeps. */
export function testClient(
  server: FakeServer,
  overrides: Partial<ReductoClientOptions> = {},
) {
  const { waits, sleep } = recordingSleep();
  const client = createReductoClient({
    baseUrl: BASE_URL,
    getApiKey: () => API_KEY,
    fetch: server.fetch,
    maxRetries: 0,
    sleep,
    ...overrides,
  });
  return { client, waits };
}
