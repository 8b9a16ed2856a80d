/** GET /job/{id}, POST /cancel/{id}, and polling until a terminal status. */
import { abortableSleep, throwIfAborted } from './abort';
import type { CallOptions, WaitOptions } from './client-types';
import { NotFoundError, RateLimitError } from './errors';
import { isRecord, unexpectedResponse } from './guards';
import { send, type HttpContext } from './http';
import { path } from './path';
import type { JobResponse, JobStatus } from './types';
import { apiUrl } from './url';
import { POLL_GROWTH } from './constants';

export const TERMINAL_JOB_STATUSES: readonly JobStatus[] = [
  'Completed',
  'Failed',
  'Cancelled',
];

/** Completed, Failed and Cancelled end a job; anything else may still move. */
export function isTerminalJobStatus(status: JobStatus): boolean {
  return TERMINAL_JOB_STATUSES.includes(status);
}

/**
 * The job's progress as 0..1, or null when absent. The API does not say
 * whether it sends a fraction or a percentage (its docs print it as "%"),
 * so:
 * - a value above 1 is percent, and so is every later value of the same
 *   wait (`percentSeen`): after 5 comes 0.5, which means 0.5 %, not 50 %;
 * - exactly 1 is percent (1 %) while the job is not Completed: a job
 *   still running is not 100 % done; on a Completed job (or with no
 *   status) it is the fraction 1;
 * - anything else below 1 is a fraction.
 */
export function normaliseProgress(
  progress: unknown,
  status?: JobStatus,
  percentSeen = false,
): number | null {
  if (typeof progress !== 'number' || !Number.isFinite(progress)) return null;
  const percent =
    percentSeen ||
    progress > 1 ||
    (progress === 1 && status !== undefined && status !== 'Completed');
  const fraction = percent ? progress / 100 : progress;
  return Math.min(1, Math.max(0, fraction));
}

export async function getJob(
  context: HttpContext,
  jobId: string,
  options: CallOptions = {},
): Promise<JobResponse> {
  const response = await send(context, {
    method: 'GET',
    url: apiUrl(context.baseUrl, path`/job/${jobId}`),
    auth: true,
    retry: 'idempotent',
    signal: options.signal,
  });
  if (!isRecord(response.body) || typeof response.body.status !== 'string')
    throw unexpectedResponse(response, 'The job answer had no status.');
  return response.body as JobResponse;
}

/**
 * POST /cancel/{id}. A 404 resolves: the job is already gone (finished and
 * expired, or never existed), so there is nothing left to cancel.
 */
export async function cancelJob(
  context: HttpContext,
  jobId: string,
  options: CallOptions = {},
): Promise<void> {
  try {
    await send(context, {
      method: 'POST',
      url: apiUrl(context.baseUrl, path`/cancel/${jobId}`),
      auth: true,
      retry: 'create',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof NotFoundError) return;
    throw error;
  }
}

export interface PollSchedule {
  initialMs: number;
  maxMs: number;
}

/**
 * Polls at once, then after initialMs, growing ×1.5 up to maxMs. Resolves
 * with the first terminal job (a Failed job resolves too: its `reason` is
 * data, not an exception). A 429 slows the polling down instead of failing
 * the wait; other errors (after the GET's own retries) reject.
 */
export async function waitForJob(
  context: HttpContext,
  schedule: PollSchedule,
  jobId: string,
  options: WaitOptions = {},
): Promise<JobResponse> {
  const { signal, onProgress } = options;
  let interval = schedule.initialMs;
  // Once the job reports percent, its later small values are percent too.
  let percentSeen = false;
  for (;;) {
    throwIfAborted(signal);
    let job: JobResponse;
    try {
      job = await getJob(context, jobId, { signal });
    } catch (error) {
      if (!(error instanceof RateLimitError)) throw error;
      interval = Math.min(interval * 2, schedule.maxMs);
      const wait = Math.max(interval, error.retryAfterMs ?? 0);
      await abortableSleep(context.sleep, wait, signal);
      continue;
    }
    onProgress?.(normaliseProgress(job.progress, job.status, percentSeen), job);
    if (typeof job.progress === 'number' && job.progress > 1)
      percentSeen = true;
    if (isTerminalJobStatus(job.status)) return job;
    await abortableSleep(context.sleep, interval, signal);
    interval = Math.min(Math.round(interval * POLL_GROWTH), schedule.maxMs);
  }
}
