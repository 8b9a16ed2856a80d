import type { Comparison, NormalizedResult } from './model';
import { compareResults, type ComparableResult } from './compare';

/** What the page posts to the diff worker. */
export interface DiffRequest {
  baseline: ComparableResult;
  candidate: ComparableResult;
}

export type DiffReply =
  { ok: true; comparison: Comparison } | { ok: false; message: string };

/**
 * The part of a result a comparison reads: blocks without `raw`, no chunks.
 * Posting only this keeps the structured clone to the worker small.
 */
export function toComparable(
  result: Pick<NormalizedResult, 'blocks' | 'extract' | 'split' | 'metrics'>,
): ComparableResult {
  return {
    blocks: result.blocks.map(({ id, docIndex, type, text, page, box }) => ({
      id,
      docIndex,
      type,
      text,
      page,
      box,
    })),
    extract: result.extract,
    split: result.split,
    metrics: result.metrics,
  };
}

/** The worker's whole job; also callable directly (tests, no-Worker fallback). */
export function handleDiffRequest(request: DiffRequest): DiffReply {
  try {
    return {
      ok: true,
      comparison: compareResults(request.baseline, request.candidate),
    };
  } catch (error) {
    return {
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    };
  }
}
