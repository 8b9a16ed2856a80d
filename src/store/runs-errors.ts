import { describeError, isReductoError } from '@/api';
import type { RunFailure } from '@/storage/run-record';

/** The client's error kind, or the kind of our own errors, or 'unknown'. */
export function errorKindOf(error: unknown): string {
  if (isReductoError(error)) return error.kind;
  if (typeof error === 'object' && error !== null && 'kind' in error) {
    const { kind } = error;
    if (typeof kind === 'string') return kind;
  }
  return 'unknown';
}

export function retryAfterOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { retryAfterMs } = error as { retryAfterMs?: unknown };
  return typeof retryAfterMs === 'number' && retryAfterMs >= 0
    ? retryAfterMs
    : undefined;
}

/** A failure as stored on the record: the client's message is the reason. */
export function describeFailure(error: unknown): RunFailure {
  const kind = errorKindOf(error);
  if (kind === 'file-missing' && error instanceof Error) {
    return { kind, message: error.message };
  }
  return { kind, message: describeError(error) };
}
