/**
 * Replaces every `{type: "url"}` parse result with the full result it points
 * at. Large results come back as a presigned URL (reducto-api.md §4.3); the
 * app needs the chunks, and the link expires, so they are fetched at once.
 */
import type { CallOptions } from './client-types';
import { isRecord, unexpectedResponse } from './guards';
import { originOf, send, type HttpContext } from './http';
import type {
  FullResult,
  ParseResponse,
  PipelineResponse,
  UrlResult,
} from './types';

function isUrlResult(result: unknown): result is UrlResult {
  return (
    isRecord(result) && result.type === 'url' && typeof result.url === 'string'
  );
}

/**
 * GET the result file: no Authorization header (the URL is presigned, and
 * the key goes to the base URL only). The body is the FullResult object; a
 * bare array of chunks (as one docs page describes) is wrapped.
 */
export async function fetchFullResult(
  context: HttpContext,
  url: string,
  options: CallOptions = {},
): Promise<FullResult> {
  const response = await send(context, {
    method: 'GET',
    url,
    auth: false,
    retry: 'idempotent',
    signal: options.signal,
  });
  const { body } = response;
  if (Array.isArray(body))
    return { type: 'full', chunks: body as FullResult['chunks'] };
  if (isRecord(body) && Array.isArray(body.chunks))
    return {
      ...body,
      type: 'full',
      chunks: body.chunks as FullResult['chunks'],
    };
  throw unexpectedResponse(
    response,
    `The result file at ${originOf(url)} held no chunks.`,
  );
}

async function resolveParse(
  context: HttpContext,
  parse: ParseResponse,
  options: CallOptions,
): Promise<ParseResponse> {
  if (!isRecord(parse) || !isUrlResult(parse.result)) return parse;
  const full = await fetchFullResult(context, parse.result.url, options);
  return { ...parse, result: full };
}

/**
 * Returns a copy of `response` with every URL parse result resolved
 * (`result.parse` as an object or an array). The input is not mutated.
 * Also accepts a bare ParseResponse (a parse job's result) for convenience.
 */
export async function resolveResult(
  context: HttpContext,
  response: PipelineResponse,
  options: CallOptions = {},
): Promise<PipelineResponse> {
  if (!isRecord(response) || !isRecord(response.result)) return response;
  if (isUrlResult(response.result))
    return (await resolveParse(
      context,
      response as unknown as ParseResponse,
      options,
    )) as unknown as PipelineResponse;

  const { parse } = response.result;
  if (!parse) return response;
  const resolved = Array.isArray(parse)
    ? await Promise.all(
        parse.map((item) => resolveParse(context, item, options)),
      )
    : await resolveParse(context, parse, options);
  return { ...response, result: { ...response.result, parse: resolved } };
}
