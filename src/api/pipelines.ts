/**
 * Pipeline runs. Kept behind these two functions so a direct
 * /parse, /extract or /split config can become a second kind of "pipeline"
 * later (/pipeline is marked deprecated in the newest docs).
 */
import type { PipelineCall } from './client-types';
import { SYNC_PIPELINE_TIMEOUT_MS } from './constants';
import { isRecord, unexpectedResponse } from './guards';
import { send, type HttpContext } from './http';
import type { PipelineResponse, PipelineRunParams } from './types';
import { apiUrl } from './url';

/** The request body; the password only when one was given. */
export function pipelineBody(call: PipelineCall): PipelineRunParams {
  const body: PipelineRunParams = {
    input: call.input,
    pipeline_id: call.pipelineId,
  };
  if (call.documentPassword)
    body.settings = { document_password: call.documentPassword };
  return body;
}

/** POST /pipeline_async → job id. Retried only on 429 (never twice a job). */
export async function startPipeline(
  context: HttpContext,
  call: PipelineCall,
): Promise<string> {
  const response = await send(context, {
    method: 'POST',
    url: apiUrl(context.baseUrl, '/pipeline_async'),
    auth: true,
    json: pipelineBody(call),
    retry: 'create',
    signal: call.signal,
  });
  const jobId = isRecord(response.body) ? response.body.job_id : undefined;
  if (typeof jobId !== 'string' || jobId === '')
    throw unexpectedResponse(response, 'The API started no job (no job_id).');
  return jobId;
}

/** POST /pipeline (sync). Waits up to the server's own 900 s limit. */
export async function runPipeline(
  context: HttpContext,
  call: PipelineCall,
): Promise<PipelineResponse> {
  const response = await send(context, {
    method: 'POST',
    url: apiUrl(context.baseUrl, '/pipeline'),
    auth: true,
    json: pipelineBody(call),
    retry: 'create',
    timeoutMs: Math.max(context.timeoutMs, SYNC_PIPELINE_TIMEOUT_MS),
    signal: call.signal,
  });
  if (!isRecord(response.body) || !isRecord(response.body.result))
    throw unexpectedResponse(response, 'The pipeline answer had no result.');
  return response.body as PipelineResponse;
}
