/** createReductoClient: wires options to the endpoint functions. */
import { defaultSleep } from './abort';
import type { ReductoClient, ReductoClientOptions } from './client-types';
import {
  DEFAULT_MAX_RETRIES,
  DEFAULT_POLL_INITIAL_MS,
  DEFAULT_POLL_MAX_MS,
  DEFAULT_TIMEOUT_MS,
} from './constants';
import { AuthenticationError, PermissionDeniedError } from './errors';
import { send, type HttpContext } from './http';
import { cancelJob, getJob, waitForJob } from './jobs';
import { runPipeline, startPipeline } from './pipelines';
import { resolveResult } from './resolve-result';
import { uploadFile } from './upload';
import { apiUrl, normaliseBaseUrl } from './url';

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0
    ? value
    : fallback;
}

export function createReductoClient(
  options: ReductoClientOptions,
): ReductoClient {
  const baseUrl = normaliseBaseUrl(options.baseUrl);
  const context: HttpContext = {
    baseUrl,
    getApiKey: options.getApiKey,
    // Never bound to an object: `this.fetch(...)` is "Illegal invocation".
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    maxRetries: Math.max(
      0,
      Math.floor(options.maxRetries ?? DEFAULT_MAX_RETRIES),
    ),
    timeoutMs: positive(options.timeoutMs, DEFAULT_TIMEOUT_MS),
    sleep: options.sleep ?? defaultSleep,
  };
  const initialMs = positive(options.pollInitialMs, DEFAULT_POLL_INITIAL_MS);
  const schedule = {
    initialMs,
    maxMs: Math.max(
      initialMs,
      positive(options.pollMaxMs, DEFAULT_POLL_MAX_MS),
    ),
  };

  return {
    baseUrl,
    upload: (file, callOptions) => uploadFile(context, file, callOptions),
    startPipeline: (call) => startPipeline(context, call),
    runPipeline: (call) => runPipeline(context, call),
    getJob: (jobId, callOptions) => getJob(context, jobId, callOptions),
    cancelJob: (jobId, callOptions) => cancelJob(context, jobId, callOptions),
    waitForJob: (jobId, waitOptions) =>
      waitForJob(context, schedule, jobId, waitOptions),
    resolveResult: (response, callOptions) =>
      resolveResult(context, response, callOptions),
    checkKey: (callOptions) => checkKey(context, callOptions?.signal),
    version: (callOptions) => version(context, callOptions?.signal),
  };
}

/**
 * GET /jobs?limit=1&exclude_configs=true: the cheapest authenticated call.
 * A 403 counts as a rejected key too (the API answers a missing or malformed
 * key with an nginx 403).
 */
async function checkKey(
  context: HttpContext,
  signal: AbortSignal | undefined,
): Promise<void> {
  try {
    await send(context, {
      method: 'GET',
      url: apiUrl(context.baseUrl, '/jobs', {
        limit: 1,
        exclude_configs: true,
      }),
      auth: true,
      retry: 'idempotent',
      signal,
    });
  } catch (error) {
    if (error instanceof PermissionDeniedError)
      throw new AuthenticationError({
        status: error.status,
        body: error.body,
        message: error.message,
        retryAfterMs: error.retryAfterMs,
      });
    throw error;
  }
}

/** GET /version (no key needed): the build string, e.g. `v1.11.57-53-g…`. */
async function version(
  context: HttpContext,
  signal: AbortSignal | undefined,
): Promise<string> {
  const { body } = await send(context, {
    method: 'GET',
    url: apiUrl(context.baseUrl, '/version'),
    auth: false,
    retry: 'idempotent',
    signal,
  });
  if (typeof body === 'string') return body.trim();
  if (typeof body === 'object' && body !== null && 'version' in body)
    return String(body.version);
  return JSON.stringify(body);
}
