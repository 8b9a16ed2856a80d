/**
 * Abort plumbing: every wait the client does ends promptly when the caller's
 * signal fires, even if an injected fetch or sleep ignores the signal.
 */
import { APIUserAbortError } from './errors';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new APIUserAbortError();
}

/**
 * Settles like `promise`, or rejects with `makeError()` as soon as `signal`
 * aborts, whichever comes first.
 */
export function raceAbort<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
  makeError: () => Error = () => new APIUserAbortError(),
): Promise<T> {
  if (!signal) return promise;
  // If the abort wins, a late rejection of `promise` must not go unhandled.
  promise.catch(() => undefined);
  if (signal.aborted) return Promise.reject(makeError());
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(makeError());
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([promise, aborted]).finally(() =>
    signal.removeEventListener('abort', onAbort),
  );
}

/** setTimeout as a promise that rejects with APIUserAbortError on abort. */
export const defaultSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new APIUserAbortError());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new APIUserAbortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** Runs an (injectable) sleep so that an abort always ends it promptly. */
export async function abortableSleep(
  sleep: Sleep,
  ms: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  throwIfAborted(signal);
  try {
    await raceAbort(sleep(ms, signal), signal);
  } catch (error) {
    throwIfAborted(signal);
    throw error;
  }
  throwIfAborted(signal);
}
