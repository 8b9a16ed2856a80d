import type { JobResponse, PipelineInput, PipelineResponse } from './types';

/** Options of {@link createReductoClient}. */
export interface ReductoClientOptions {
  /** e.g. `https://platform.reducto.ai`; no trailing slash needed. */
  baseUrl: string;
  /** Read at call time, so a key entered later is picked up. */
  getApiKey: () => string | null | undefined;
  /** Injectable for tests and for demo mode (the emulator). */
  fetch?: typeof fetch;
  /** Retries for retryable failures (default 2). */
  maxRetries?: number;
  /** Per-request timeout in ms (default 120 000; uploads scale with size). */
  timeoutMs?: number;
  /** Poll schedule for waitForJob (defaults: 1000 ms growing x1.5 to 8000 ms). */
  pollInitialMs?: number;
  pollMaxMs?: number;
  /** Injectable sleep for fast tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface PipelineCall extends CallOptions {
  input: PipelineInput;
  pipelineId: string;
  /** Used for this request only, never stored. */
  documentPassword?: string;
}

export interface WaitOptions extends CallOptions {
  /** Called after every poll with the job's progress (0..1, or null). */
  onProgress?: (progress: number | null, job: JobResponse) => void;
}

/** The Reducto client: framework-free, typed, fetch-based. */
export interface ReductoClient {
  readonly baseUrl: string;
  /** Uploads a document (direct ≤100 MB, presigned above) and returns its file_id. */
  upload(
    file: Blob,
    options?: CallOptions & { filename?: string },
  ): Promise<string>;
  /** POST /pipeline_async; returns the job id. */
  startPipeline(call: PipelineCall): Promise<string>;
  /** POST /pipeline (sync), kept for completeness. */
  runPipeline(call: PipelineCall): Promise<PipelineResponse>;
  getJob(jobId: string, options?: CallOptions): Promise<JobResponse>;
  cancelJob(jobId: string, options?: CallOptions): Promise<void>;
  /** Polls until Completed, Failed or Cancelled; resolves with that job. */
  waitForJob(jobId: string, options?: WaitOptions): Promise<JobResponse>;
  /** Replaces every `{type:"url"}` parse result with the fetched full result. */
  resolveResult(
    response: PipelineResponse,
    options?: CallOptions,
  ): Promise<PipelineResponse>;
  /** Resolves when the key is accepted; throws AuthenticationError when not. */
  checkKey(options?: CallOptions): Promise<void>;
  /** GET /version. */
  version(options?: CallOptions): Promise<string>;
}
