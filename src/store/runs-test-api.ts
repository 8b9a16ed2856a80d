/**
 * A small Reducto-compatible fake for the runs tests: /upload,
 * /pipeline_async, /job/{id}, /cancel/{id}, with switches for the failure
 * paths the queue must survive. Test support only; the app never imports it.
 */
import type { PipelineResponse } from '@/api';

interface FakeJob {
  id: string;
  pipelineId: string;
  fileId: string;
  polls: number;
  status: 'Pending' | 'Completed' | 'Failed' | 'Cancelled';
  held: boolean;
}

export interface FakeApiOptions {
  /** Keys the fake accepts; others get 401. */
  validKeys?: string[];
  /** Polls a job needs before it completes. */
  pollsToComplete?: number;
}

const json = (status: number, body: unknown, headers: HeadersInit = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

export function pipelineResponseFor(
  jobId: string,
  pipelineId: string,
): PipelineResponse {
  return {
    job_id: jobId,
    usage: { num_pages: 2, credits: 3 },
    result: {
      parse: {
        job_id: jobId,
        duration: 1.5,
        usage: { num_pages: 2, credits: 3 },
        result: {
          type: 'full',
          chunks: [
            {
              content: `${pipelineId} says hello`,
              embed: '',
              enriched: null,
              blocks: [],
            },
          ],
        },
      },
      extract: null,
      split: null,
    },
  };
}

export function createFakeApi(options: FakeApiOptions = {}) {
  const validKeys = options.validKeys ?? ['good-key'];
  const jobs = new Map<string, FakeJob>();
  let nextId = 1;
  const state = {
    uploads: 0,
    cancelled: [] as string[],
    /** Every request: method, path, Authorization header, body text. */
    requests: [] as {
      method: string;
      /** Which host was asked (the base URL's origin). */
      origin: string;
      path: string;
      auth: string | null;
      body: string;
    }[],
    /** Passwords by a text the protected document contains (e.g. its name). */
    passwords: new Map<string, string>(),
    fileNames: new Map<string, string>(),
    failingPipelines: new Map<string, string>(),
    /** Answer the next N job creations with 429. */
    rateLimitNext: 0,
    rateLimited: 0,
    retryAfterMs: 5,
    /** Make every request fail like a CORS block or an offline network. */
    offline: false,
    /** Keys a given origin accepts, instead of `validKeys` (regions). */
    keysByOrigin: new Map<string, string[]>(),
    /** Uploads wait for this promise (to observe "Uploading"). */
    uploadGate: undefined as Promise<void> | undefined,
    /** New jobs stay Pending until released. */
    hold: false,
    pollsToComplete: options.pollsToComplete ?? 2,
    /** Completed jobs point at their parse result by a presigned URL. */
    urlResults: false,
    /** Answer the next N result-file downloads with 503. */
    failResultDownloads: 0,
    maxPending: 0,
  };

  const pendingCount = () =>
    [...jobs.values()].filter((j) => j.status === 'Pending').length;

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const body = request.method === 'GET' ? '' : await request.clone().text();
    const auth = request.headers.get('authorization');
    state.requests.push({
      method: request.method,
      origin: url.origin,
      path: url.pathname,
      auth,
      body,
    });
    if (state.offline) throw new TypeError('Failed to fetch');
    // Presigned result files: no key (the URL is the credential).
    const resultMatch = /^\/results\/(.+)$/.exec(url.pathname);
    if (resultMatch && request.method === 'GET') {
      if (state.failResultDownloads > 0) {
        state.failResultDownloads -= 1;
        return json(503, { detail: 'Service unavailable' });
      }
      const job = jobs.get(decodeURIComponent(resultMatch[1] ?? ''));
      if (!job) return json(404, { detail: 'No such result' });
      const full = pipelineResponseFor(job.id, job.pipelineId).result.parse;
      return json(200, (full as { result: unknown }).result);
    }
    const key = auth?.replace(/^Bearer /, '') ?? '';
    const accepted = state.keysByOrigin.get(url.origin) ?? validKeys;
    if (!accepted.includes(key)) {
      return json(401, { detail: 'Invalid API key' });
    }

    if (url.pathname === '/upload' && request.method === 'POST') {
      state.uploads += 1;
      await state.uploadGate;
      const form = await request.formData();
      const file = form.get('file');
      const id = `reducto://file-${nextId++}.pdf`;
      // The content identifies the document (jsdom's File loses its name
      // on the way through undici's FormData).
      const name =
        typeof file === 'object' && file !== null ? await file.text() : '';
      state.fileNames.set(id, name);
      return json(200, { file_id: id, presigned_url: null });
    }
    if (url.pathname === '/pipeline_async' && request.method === 'POST') {
      if (state.rateLimitNext > 0) {
        state.rateLimitNext -= 1;
        state.rateLimited += 1;
        return json(
          429,
          { message: '[CODE 1000] Too many requests' },
          { 'retry-after-ms': String(state.retryAfterMs) },
        );
      }
      const params = JSON.parse(body) as {
        input: string;
        pipeline_id: string;
        settings?: { document_password?: string };
      };
      const name = state.fileNames.get(params.input);
      if (name === undefined) return json(404, { detail: 'File not found' });
      const needed = [...state.passwords].find(([marker]) =>
        name.includes(marker),
      )?.[1];
      if (
        needed !== undefined &&
        params.settings?.document_password !== needed
      ) {
        return json(442, { detail: 'The document is password protected.' });
      }
      const id = `job-${nextId++}`;
      jobs.set(id, {
        id,
        pipelineId: params.pipeline_id,
        fileId: params.input,
        polls: 0,
        status: 'Pending',
        held: state.hold,
      });
      state.maxPending = Math.max(state.maxPending, pendingCount());
      return json(200, { job_id: id });
    }
    const jobMatch = /^\/job\/(.+)$/.exec(url.pathname);
    if (jobMatch && request.method === 'GET') {
      const job = jobs.get(decodeURIComponent(jobMatch[1] ?? ''));
      if (!job) return json(404, { detail: 'Job not found' });
      if (job.status === 'Pending' && !job.held) {
        job.polls += 1;
        if (job.polls >= state.pollsToComplete) {
          const reason = state.failingPipelines.get(job.pipelineId);
          job.status = reason === undefined ? 'Completed' : 'Failed';
        }
      }
      if (job.status === 'Completed') {
        const result = pipelineResponseFor(job.id, job.pipelineId);
        if (state.urlResults) {
          const href = `${url.origin}/results/${encodeURIComponent(job.id)}`;
          Object.assign(result.result.parse as object, {
            result: { type: 'url', url: href },
          });
        }
        return json(200, {
          status: 'Completed',
          progress: 1,
          duration: 1.5,
          result,
        });
      }
      if (job.status === 'Failed') {
        return json(200, {
          status: 'Failed',
          reason: state.failingPipelines.get(job.pipelineId),
        });
      }
      return json(200, {
        status: job.status,
        progress: job.held ? 0.4 : job.polls / state.pollsToComplete,
      });
    }
    const cancelMatch = /^\/cancel\/(.+)$/.exec(url.pathname);
    if (cancelMatch && request.method === 'POST') {
      const id = decodeURIComponent(cancelMatch[1] ?? '');
      const job = jobs.get(id);
      if (!job) return json(404, { detail: 'Job not found' });
      job.status = 'Cancelled';
      state.cancelled.push(id);
      return json(200, {});
    }
    return json(404, { detail: 'No such route' });
  }

  return {
    state,
    jobs,
    fetch: ((input: RequestInfo | URL, init?: RequestInit) =>
      handle(new Request(input, init))) as typeof fetch,
    /** Lets held jobs complete on their next polls. */
    release() {
      state.hold = false;
      for (const job of jobs.values()) job.held = false;
    },
  };
}

export type FakeApi = ReturnType<typeof createFakeApi>;
