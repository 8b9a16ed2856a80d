/** Small checks on 2xx bodies, which are untrusted like any input. */
import { UnexpectedResponseError } from './errors';
import type { HttpResponse } from './http';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function unexpectedResponse(
  response: HttpResponse,
  message: string,
): UnexpectedResponseError {
  return new UnexpectedResponseError({
    status: response.status,
    body: response.body,
    message: `${message} The base URL may not point at a Reducto API.`,
  });
}
