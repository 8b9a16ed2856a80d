/**
 * A deterministic, Reducto-compatible API emulator: `(Request) => Response`
 * on standard web types only, so it runs in Node 20 and in the browser.
 *
 * Routes (bodies as in reducto-api.md):
 *   POST /upload                      multipart `file`, or presigned when none
 *   PUT  /_emulator/presigned/{id}    the presigned upload (no auth)
 *   POST /pipeline, /pipeline_async   run a demo pipeline
 *   GET  /job/{id}                    Pending (progress 0..1) → Completed|Failed
 *   POST /cancel/{id}                 → Cancelled
 *   GET  /jobs?limit=&cursor=         job list (the client's key check)
 *   GET  /version                     build string, no auth
 *   GET  /_emulator/results/{id}      a URL result's body (no auth)
 *   GET  /_emulator/files/{id}.pdf    an uploaded file (pdf_url, no auth)
 *
 * Choices where the real API is silent: an unknown pipeline is 404
 * `PIPELINE_NOT_FOUND`; an unknown file or job is 404; a URL input (other
 * than the emulator's own file URLs) is 400 FILE_DOWNLOAD_FAILURE; several
 * documents in one input is 400 INVALID_CONFIG. A sync /pipeline that fails
 * answers 415 (unreadable document) or 500 (injected failure).
 */
import type { JobResponse, PipelineResponse } from '../api/types';
import { DEMO_API_KEY, isDemoPipelineId } from './demo-pipelines';
import type { DemoPipelineId } from './demo-pipelines';
import {
  copyFaults,
  mergeFaults,
  noFaults,
  takeFailRule,
  wantsUrlResult,
} from './faults';
import {
  PdfPasswordError,
  UnreadableDocumentError,
  looksLikePdf,
  readPdfText,
} from './pdf-text';
import type { DocumentText } from './pdf-text';
import { buildPipelineResponse, simulatedDuration } from './pipelines';
import {
  apiError,
  forbiddenHtml,
  json,
  notFound,
  overloaded,
  passwordRequired,
  rateLimited,
  unauthorized,
  validationError,
} from './responses';
import type {
  Emulator,
  EmulatorFaults,
  EmulatorOptions,
  PdfjsModule,
} from './types';
import { validatePipelineRequest } from './validate-request';
import type { PipelineRequest } from './validate-request';

export const DEFAULT_ORIGIN = 'http://emulator.local';
export const EMULATOR_VERSION = 'v1.11.57-emulator';

interface StoredFile {
  id: string;
  name: string;
  /** Null until the presigned PUT arrives. */
  bytes: Uint8Array<ArrayBuffer> | null;
}

type Outcome =
  | { ok: true; response: PipelineResponse }
  | { ok: false; reason: string; status: number; name: string };

interface Job {
  id: string;
  pipelineId: DemoPipelineId;
  file: StoredFile;
  password: string | null;
  createdAt: number;
  rawConfig: string;
  cancelled: boolean;
  outcome: Promise<Outcome>;
}

const PRESIGNED = '/_emulator/presigned/';
const RESULTS = '/_emulator/results/';
const FILES = '/_emulator/files/';

function pad(n: number) {
  return String(n).padStart(4, '0');
}

function defaultSleep(ms: number) {
  return new Promise<void>((resolve) => setTimeout(resolve, ms));
}

/** Whether the bytes contain "/Encrypt" (indexOf keeps 100 MB scans fast). */
function hasEncryptDictionary(bytes: Uint8Array) {
  const needle = [0x2f, 0x45, 0x6e, 0x63, 0x72, 0x79, 0x70, 0x74];
  for (
    let i = bytes.indexOf(0x2f);
    i !== -1 && i <= bytes.length - needle.length;
    i = bytes.indexOf(0x2f, i + 1)
  ) {
    if (needle.every((byte, j) => bytes[i + j] === byte)) return true;
  }
  return false;
}

function abortError(signal: AbortSignal): Error {
  const reason = signal.reason as unknown;
  return reason instanceof Error
    ? reason
    : new DOMException('This operation was aborted', 'AbortError');
}

/** Creates an emulator; see the module comment for its routes. */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const origin = (options.origin ?? DEFAULT_ORIGIN).replace(/\/+$/, '');
  const basePath = new URL(origin).pathname.replace(/\/+$/, '');
  const apiKey = options.apiKey ?? DEMO_API_KEY;
  const jobDurationMs = options.jobDurationMs ?? 1200;
  const now = options.now ?? (() => Date.now());
  const sleep = options.sleep ?? defaultSleep;
  const idPrefix = options.idPrefix ?? 'emu';
  const version = options.version ?? EMULATOR_VERSION;
  const initialFaults = mergeFaults(noFaults(), options.faults ?? {});

  let faults = copyFaults(initialFaults);
  let counters = { file: 0, job: 0, result: 0 };
  let files = new Map<string, StoredFile>();
  let jobs = new Map<string, Job>();
  let results = new Map<string, unknown>();
  let texts = new Map<string, Promise<DocumentText>>();
  let pdfjs: Promise<PdfjsModule> | null = null;

  const nextId = (kind: keyof typeof counters) => {
    counters[kind] += 1;
    return `${idPrefix}-${kind}-${pad(counters[kind])}`;
  };

  function loadPdfjs(): Promise<PdfjsModule> {
    if (!options.loadPdfjs) {
      return Promise.reject(
        new UnreadableDocumentError(
          'The emulator has no PDF reader: create it with createNodeEmulator or createBrowserEmulator.',
        ),
      );
    }
    pdfjs ??= options.loadPdfjs().catch((error: unknown) => {
      pdfjs = null;
      throw error;
    });
    return pdfjs;
  }

  /** Reads a file's text once per password; later runs reuse it. */
  function textOf(file: StoredFile, password: string | null) {
    const key = `${file.id}\u0000${password ?? ''}`;
    let text = texts.get(key);
    if (!text) {
      const bytes = file.bytes ?? new Uint8Array();
      text = loadPdfjs().then((module) =>
        readPdfText(module, bytes, file.name, {
          // With the passwordProtected fault the PDF is not really encrypted.
          ...(password !== null && !faults.passwordProtected
            ? { password }
            : {}),
          ...(options.pdfjsParams ? { params: options.pdfjsParams } : {}),
        }),
      );
      texts.set(key, text);
      // A failed read (e.g. a wrong password) may be retried later.
      text.catch(() => texts.delete(key));
    }
    return text;
  }

  function storeResult<T>(full: T) {
    const size = JSON.stringify(full).length;
    if (!wantsUrlResult(faults, size)) return full;
    const resultId = nextId('result');
    results.set(resultId, full);
    return {
      type: 'url' as const,
      url: `${origin}${RESULTS}${resultId}`,
      result_id: resultId,
    };
  }

  // ------------------------------------------------------------ uploads

  async function upload(request: Request, url: URL) {
    const type = request.headers.get('content-type') ?? '';
    const extension = (url.searchParams.get('extension') ?? 'pdf').replace(
      /^\./,
      '',
    );
    if (type.startsWith('multipart/form-data')) {
      let form: FormData;
      try {
        form = await request.formData();
      } catch {
        return validationError([
          {
            type: 'value_error',
            loc: ['body'],
            msg: 'There was an error parsing the body',
          },
        ]);
      }
      const part = form.get('file');
      if (part !== null && typeof part !== 'string') {
        const id = nextId('file');
        const name =
          'name' in part && typeof part.name === 'string' && part.name
            ? part.name
            : `${id}.${extension}`;
        const bytes = new Uint8Array(await part.arrayBuffer());
        files.set(id, { id, name, bytes });
        const suffix = /\.[a-z0-9]+$/i.exec(name)?.[0] ?? `.${extension}`;
        return json({
          file_id: `reducto://${id}${suffix.toLowerCase()}`,
          presigned_url: null,
        });
      }
    } else {
      await request.arrayBuffer(); // drain
    }
    // No file part: the presigned flow (the SDK sends `{}`).
    const id = nextId('file');
    files.set(id, { id, name: `${id}.${extension}`, bytes: null });
    return json({
      file_id: `reducto://${id}`,
      presigned_url: `${origin}${PRESIGNED}${id}?X-Amz-Signature=emulated`,
    });
  }

  async function presignedPut(request: Request, id: string) {
    const file = files.get(id);
    if (!file) {
      return new Response('<Error><Code>NoSuchUpload</Code></Error>', {
        status: 404,
        headers: { 'Content-Type': 'application/xml' },
      });
    }
    file.bytes = new Uint8Array(await request.arrayBuffer());
    return new Response(null, {
      status: 200,
      headers: { ETag: `"${file.id}"` },
    });
  }

  /** Resolves a pipeline input to a stored file, or an error answer. */
  function fileOf(input: PipelineRequest['input']): StoredFile | Response {
    if (Array.isArray(input)) {
      if (input.length !== 1) {
        return apiError(
          400,
          'INVALID_CONFIG',
          'The emulator runs demo pipelines on one document at a time',
        );
      }
      return fileOf(input[0] ?? '');
    }
    const ref = typeof input === 'string' ? input : input.file_id;
    if (ref.startsWith('jobid://')) {
      const job = jobs.get(ref.slice('jobid://'.length));
      return job?.file ?? notFound('JOB_NOT_FOUND', `Job not found: ${ref}`);
    }
    let id: string | null = null;
    if (ref.startsWith('reducto://')) {
      id = ref.slice('reducto://'.length).replace(/\.[a-z0-9]+$/i, '');
    } else if (ref.startsWith(`${origin}${FILES}`)) {
      id = ref.slice(`${origin}${FILES}`.length).replace(/\.[a-z0-9]+$/i, '');
    } else if (/^https?:\/\//i.test(ref)) {
      return apiError(
        400,
        'FILE_DOWNLOAD_FAILURE',
        'The emulator cannot download documents from URLs; upload the file and pass its file_id',
      );
    }
    const file = id === null ? undefined : files.get(id);
    if (!file) return notFound('FILE_NOT_FOUND', `File not found: ${ref}`);
    if (!file.bytes) {
      return notFound(
        'FILE_NOT_FOUND',
        `File not found: ${ref} (nothing was PUT to its presigned URL)`,
      );
    }
    return file;
  }

  // ------------------------------------------------------------ pipelines

  function failure(error: unknown): Outcome {
    if (error instanceof UnreadableDocumentError) {
      return {
        ok: false,
        reason: error.message,
        status: 415,
        name: 'UNSUPPORTED_DOCUMENT',
      };
    }
    if (error instanceof PdfPasswordError) {
      return {
        ok: false,
        reason: error.message,
        status: 442,
        name: 'PASSWORD',
      };
    }
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      reason: `The emulator failed to process the document: ${detail}`,
      status: 500,
      name: 'INTERNAL_ERROR',
    };
  }

  /** Validates and starts a run: the shared part of /pipeline(_async). */
  async function startRun(request: Request): Promise<Job | Response> {
    const validated = validatePipelineRequest(await request.text());
    if (!validated.ok) return validationError(validated.issues);
    const { pipelineId, input, documentPassword, rawConfig } =
      validated.request;
    if (!isDemoPipelineId(pipelineId)) {
      return notFound(
        'PIPELINE_NOT_FOUND',
        `Pipeline not found: ${pipelineId}`,
      );
    }
    const file = fileOf(input);
    if (file instanceof Response) return file;
    const bytes = file.bytes ?? new Uint8Array();

    // Encrypted documents are refused up front with 442, like the real API.
    if (faults.passwordProtected && looksLikePdf(bytes)) {
      if (documentPassword === null) {
        return passwordRequired(new PdfPasswordError(false).message);
      }
      if (documentPassword !== faults.passwordProtected.password) {
        return passwordRequired(new PdfPasswordError(true).message);
      }
    } else if (looksLikePdf(bytes) && hasEncryptDictionary(bytes)) {
      try {
        await textOf(file, documentPassword);
      } catch (error) {
        if (error instanceof PdfPasswordError) {
          return passwordRequired(error.message);
        }
        // Any other problem fails the job itself, below.
      }
    }

    const rule = takeFailRule(faults, pipelineId, file.name);
    const id = nextId('job');
    const outcome: Promise<Outcome> = rule
      ? Promise.resolve({
          ok: false,
          reason: rule.reason,
          status: 500,
          name: 'PIPELINE_FAILED',
        })
      : textOf(file, documentPassword).then(
          (doc): Outcome => ({
            ok: true,
            response: buildPipelineResponse({
              pipelineId,
              jobId: id,
              doc,
              pdfUrl: `${origin}${FILES}${file.id}.pdf`,
              storeResult,
            }),
          }),
          failure,
        );
    const job: Job = {
      id,
      pipelineId,
      file,
      password: documentPassword,
      createdAt: now(),
      rawConfig,
      cancelled: false,
      outcome,
    };
    jobs.set(id, job);
    return job;
  }

  async function runSync(request: Request) {
    const job = await startRun(request);
    if (job instanceof Response) return job;
    const outcome = await job.outcome;
    if (outcome.ok) return json(outcome.response);
    if (outcome.status === 442) return passwordRequired(outcome.reason);
    return apiError(outcome.status, outcome.name, outcome.reason);
  }

  async function runAsync(request: Request) {
    const job = await startRun(request);
    if (job instanceof Response) return job;
    return json({ job_id: job.id });
  }

  // ------------------------------------------------------------ jobs

  function jobNotFound(id: string) {
    return notFound('JOB_NOT_FOUND', `Job not found: ${id}`);
  }

  /** A job's state on the emulator clock; awaits the work once it is due. */
  async function jobState(job: Job): Promise<JobResponse> {
    const base = {
      type: 'Pipeline',
      created_at: new Date(job.createdAt).toISOString(),
      raw_config: job.rawConfig,
    };
    if (job.cancelled) {
      return {
        ...base,
        status: 'Cancelled',
        progress: null,
        result: null,
        reason: 'The job was cancelled',
      };
    }
    const elapsed = now() - job.createdAt;
    if (elapsed < jobDurationMs) {
      const progress = Math.floor((elapsed / jobDurationMs) * 100) / 100;
      return {
        ...base,
        status: 'Pending',
        progress: Math.max(0, progress),
        result: null,
        reason: null,
      };
    }
    const outcome = await job.outcome;
    if (!outcome.ok) {
      return {
        ...base,
        status: 'Failed',
        progress: null,
        result: null,
        reason: outcome.reason,
      };
    }
    const pages = outcome.response.usage.num_pages;
    return {
      ...base,
      status: 'Completed',
      progress: 1,
      result: outcome.response,
      reason: null,
      num_pages: pages,
      total_pages: pages,
      duration: simulatedDuration(job.pipelineId, pages),
    };
  }

  async function getJob(id: string) {
    const job = jobs.get(id);
    return job ? json(await jobState(job)) : jobNotFound(id);
  }

  async function cancelJob(id: string) {
    const job = jobs.get(id);
    if (!job) return jobNotFound(id);
    const state = await jobState(job);
    if (state.status === 'Pending') job.cancelled = true;
    return json({
      job_id: id,
      status: job.cancelled ? 'Cancelled' : state.status,
    });
  }

  async function listJobs(url: URL) {
    const limitText = url.searchParams.get('limit');
    const limit = limitText === null ? 100 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
      return validationError([
        {
          type: 'less_than_equal',
          loc: ['query', 'limit'],
          msg: 'Input should be an integer between 1 and 500',
          input: limitText,
        },
      ]);
    }
    const offset = Number(url.searchParams.get('cursor') ?? 0) || 0;
    const all = [...jobs.values()].reverse();
    const page = all.slice(offset, offset + limit);
    const listed = await Promise.all(
      page.map(async (job) => {
        const state = await jobState(job);
        return {
          job_id: job.id,
          created_at: state.created_at,
          raw_config: job.rawConfig,
          status: state.status,
          type: 'Pipeline',
          num_pages: state.num_pages ?? null,
          total_pages: state.total_pages ?? null,
          duration: state.duration ?? null,
        };
      }),
    );
    const next = offset + limit < all.length ? String(offset + limit) : null;
    return json({ jobs: listed, next_cursor: next });
  }

  // ------------------------------------------------------------ routing

  function authorise(request: Request): Response | null {
    const header = request.headers.get('authorization');
    if (header === null || header.trim() === '') return forbiddenHtml();
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    return match?.[1] === apiKey ? null : unauthorized();
  }

  /** Latency, 429 and 503 faults, in the order an edge would apply them. */
  async function edgeFaults(): Promise<Response | null> {
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    if (faults.rateLimitBurst > 0) {
      faults.rateLimitBurst -= 1;
      return rateLimited(faults.retryAfterSeconds);
    }
    if (faults.serverErrors > 0) {
      faults.serverErrors -= 1;
      return overloaded(faults.retryAfterSeconds);
    }
    return null;
  }

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    let path = url.pathname;
    if (basePath && path.startsWith(basePath)) {
      path = path.slice(basePath.length) || '/';
    }
    const method = request.method.toUpperCase();

    if (method === 'OPTIONS') return new Response(null, { status: 204 });

    // Storage-like routes: presigned, no Authorization, no edge faults.
    if (path.startsWith(PRESIGNED)) {
      return method === 'PUT'
        ? presignedPut(
            request,
            decodeURIComponent(path.slice(PRESIGNED.length)),
          )
        : json({ detail: 'Method Not Allowed' }, 405);
    }
    if (path.startsWith(RESULTS) && method === 'GET') {
      const result = results.get(
        decodeURIComponent(path.slice(RESULTS.length)),
      );
      return result === undefined
        ? notFound('RESULT_NOT_FOUND', 'Result not found or expired')
        : json(result);
    }
    if (path.startsWith(FILES) && method === 'GET') {
      const id = decodeURIComponent(path.slice(FILES.length)).replace(
        /\.[a-z0-9]+$/i,
        '',
      );
      const bytes = files.get(id)?.bytes;
      return bytes
        ? new Response(bytes, {
            headers: { 'Content-Type': 'application/pdf' },
          })
        : notFound('FILE_NOT_FOUND', 'File not found or expired');
    }

    const refused = await edgeFaults();
    if (refused) return refused;

    if (path === '/version' && method === 'GET') return json(version);

    const api: [string, RegExp, (m: RegExpExecArray) => Promise<Response>][] = [
      ['POST', /^\/upload$/, () => upload(request, url)],
      ['POST', /^\/pipeline$/, () => runSync(request)],
      ['POST', /^\/pipeline_async$/, () => runAsync(request)],
      [
        'GET',
        /^\/job\/([^/]+)$/,
        (m) => getJob(decodeURIComponent(m[1] ?? '')),
      ],
      [
        'POST',
        /^\/cancel\/([^/]+)$/,
        (m) => cancelJob(decodeURIComponent(m[1] ?? '')),
      ],
      ['GET', /^\/jobs$/, () => listJobs(url)],
    ];
    let pathKnown = false;
    for (const [routeMethod, pattern, handler] of api) {
      const match = pattern.exec(path);
      if (!match) continue;
      pathKnown = true;
      if (routeMethod !== method) continue;
      return authorise(request) ?? handler(match);
    }
    return pathKnown
      ? json({ detail: 'Method Not Allowed' }, 405)
      : json({ detail: 'Not Found' }, 404);
  }

  async function handle(request: Request): Promise<Response> {
    try {
      return await route(request);
    } catch (error) {
      // Never crash the caller: an emulator bug is a 500 with the reason.
      const detail = error instanceof Error ? error.message : String(error);
      return apiError(500, 'INTERNAL_ERROR', `Emulator error: ${detail}`);
    }
  }

  const emulatorFetch = (async (
    input: string | URL | Request,
    init?: RequestInit,
  ) => {
    const target =
      typeof input === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(input)
        ? new URL(input, `${origin}/`)
        : input;
    const request = new Request(target, init);
    const signal = request.signal;
    if (signal.aborted) throw abortError(signal);
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => reject(abortError(signal));
      signal.addEventListener('abort', onAbort, { once: true });
      handle(request).then(
        (response) => {
          signal.removeEventListener('abort', onAbort);
          resolve(response);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }) as typeof fetch;

  return {
    origin,
    apiKey,
    handle,
    fetch: emulatorFetch,
    setFaults(partial) {
      faults = mergeFaults(faults, partial);
    },
    getFaults: () => copyFaults(faults),
    reset() {
      faults = copyFaults(initialFaults);
      counters = { file: 0, job: 0, result: 0 };
      files = new Map();
      jobs = new Map();
      results = new Map();
      texts = new Map();
    },
  };
}

export type { EmulatorFaults };
