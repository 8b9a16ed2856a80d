import type { Comparison, NormalizedResult } from './model';
import { compareResults } from './compare';
import {
  comparisonFromReply,
  makeDiffRequest,
  requestTransferables,
  type DiffReply,
} from './diff-protocol';

/** Below this many blocks (both sides together) a worker costs more than it saves. */
export const WORKER_THRESHOLD_BLOCKS = 2000;

/**
 * Nor below this many characters of block text (both sides together). Few
 * blocks can still hold millions of characters, and their word diff (about
 * half a second per million) must not freeze the page either.
 */
export const WORKER_THRESHOLD_CHARS = 500_000;

/** The Worker surface diffInWorker uses (injectable for tests). */
export interface DiffWorker {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(
    type: 'message',
    listener: (event: MessageEvent<DiffReply>) => void,
  ): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
  terminate(): void;
}

export interface DiffInWorkerOptions {
  /** Cancels the diff; the promise rejects with an AbortError. */
  signal?: AbortSignal;
  /** Defaults to WORKER_THRESHOLD_BLOCKS. */
  thresholdBlocks?: number;
  /** Defaults to WORKER_THRESHOLD_CHARS. */
  thresholdChars?: number;
  /** Defaults to the module worker in ./diff.worker.ts; null when Worker is unavailable. */
  createWorker?: () => DiffWorker | null;
}

type DiffInput = Pick<
  NormalizedResult,
  'blocks' | 'extract' | 'split' | 'metrics'
>;

function defaultWorker(): DiffWorker | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./diff.worker.ts', import.meta.url), {
    type: 'module',
  });
}

/** Characters of block text, counted up to `limit` (then it stops). */
function textLength(input: DiffInput, limit: number): number {
  let total = 0;
  for (const block of input.blocks) {
    total += block.text.length;
    if (total >= limit) break;
  }
  return total;
}

function abortError(): DOMException {
  return new DOMException('The comparison was cancelled.', 'AbortError');
}

/**
 * compareResults, off the main thread for big inputs so the page never
 * freezes. Small inputs, environments without Worker (jsdom, Node) and a
 * worker that fails to start all fall back to the main thread; the result
 * is identical either way.
 */
export function diffInWorker(
  baseline: DiffInput,
  candidate: DiffInput,
  options: DiffInWorkerOptions = {},
): Promise<Comparison> {
  const {
    signal,
    thresholdBlocks = WORKER_THRESHOLD_BLOCKS,
    thresholdChars = WORKER_THRESHOLD_CHARS,
    createWorker = defaultWorker,
  } = options;
  if (signal?.aborted) return Promise.reject(abortError());
  const onMainThread = () => compareResults(baseline, candidate);
  const small =
    baseline.blocks.length + candidate.blocks.length < thresholdBlocks &&
    textLength(baseline, thresholdChars) +
      textLength(candidate, thresholdChars) <
      thresholdChars;
  if (small) return Promise.resolve().then(onMainThread);
  let worker: DiffWorker | null;
  try {
    worker = createWorker();
  } catch {
    worker = null; // e.g. a CSP without worker-src: diff here instead.
  }
  if (worker === null) return Promise.resolve().then(onMainThread);
  const active = worker;

  return new Promise<Comparison>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      active.terminate();
      signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const onAbort = () => finish(() => reject(abortError()));
    signal?.addEventListener('abort', onAbort);
    active.addEventListener('message', (event: MessageEvent<DiffReply>) => {
      const reply = event.data;
      if (reply.ok) finish(() => resolve(comparisonFromReply(reply.core)));
      else
        finish(() =>
          reject(new Error(`The comparison failed: ${reply.message}`)),
        );
    });
    // The worker could not load or crashed: the main thread still answers.
    active.addEventListener('error', () => {
      finish(() => {
        try {
          resolve(onMainThread());
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
    const request = makeDiffRequest(baseline, candidate);
    active.postMessage(request, requestTransferables(request));
  });
}
