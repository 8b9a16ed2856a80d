/**
 * The message format between the page and the diff worker.
 *
 * Structured clone is slow for many small objects (tens of thousands of
 * blocks, and maps with tens of thousands of keys), and the receiving half
 * of each clone runs on the main thread. So blocks travel as columns (one
 * array per field, numbers in typed arrays) and the comparison comes back
 * as columns too; the lookup maps are rebuilt on arrival by the same
 * `assembleComparison` the direct path uses, so the two paths give equal
 * results.
 */
import type {
  BlockChange,
  BlockDiff,
  BlockStatus,
  Comparison,
  DiffSegment,
  NormalizedResult,
} from './model';
import type { AlignableBlock } from './align';
import {
  assembleComparison,
  compareResults,
  type ComparableResult,
  type ComparisonCore,
} from './compare';

interface PackedBlocks {
  ids: string[];
  types: string[];
  texts: string[];
  docIndex: Int32Array;
  page: Int32Array;
  /** left, top, width, height per block; NaN left = no box. */
  box: Float64Array;
}

export interface PackedComparable {
  blocks: PackedBlocks;
  extract: ComparableResult['extract'];
  split: ComparableResult['split'];
  metrics: ComparableResult['metrics'];
}

export interface DiffRequest {
  baseline: PackedComparable;
  candidate: PackedComparable;
}

interface PackedBlockDiffs {
  status: BlockStatus[];
  /** Bit set of CHANGE_BITS. */
  changes: Uint8Array;
  candidateId: (string | null)[];
  baselineId: (string | null)[];
  docIndex: Int32Array;
  page: Int32Array;
  /** -1 = null. */
  baselinePage: Int32Array;
  similarity: Float64Array;
  /** Only the diffs that have segments. */
  segments: { index: number; segments: DiffSegment[] }[];
}

export type DiffReply =
  | {
      ok: true;
      core: Omit<ComparisonCore, 'blockDiffs'> & {
        blockDiffs: PackedBlockDiffs;
      };
    }
  | { ok: false; message: string };

type DiffInput = Pick<
  NormalizedResult,
  'blocks' | 'extract' | 'split' | 'metrics'
>;

const CHANGE_BITS: readonly BlockChange[] = ['changed', 'retyped', 'moved'];

export function packComparable(result: DiffInput): PackedComparable {
  const n = result.blocks.length;
  const blocks: PackedBlocks = {
    ids: new Array<string>(n),
    types: new Array<string>(n),
    texts: new Array<string>(n),
    docIndex: new Int32Array(n),
    page: new Int32Array(n),
    box: new Float64Array(n * 4),
  };
  result.blocks.forEach((block, i) => {
    blocks.ids[i] = block.id;
    blocks.types[i] = block.type;
    blocks.texts[i] = block.text;
    blocks.docIndex[i] = block.docIndex;
    blocks.page[i] = block.page;
    const box = block.box;
    blocks.box.set(
      box ? [box.left, box.top, box.width, box.height] : [NaN, 0, 0, 0],
      i * 4,
    );
  });
  return {
    blocks,
    extract: result.extract,
    split: result.split,
    metrics: result.metrics,
  };
}

export function unpackComparable(packed: PackedComparable): ComparableResult {
  const { ids, types, texts, docIndex, page, box } = packed.blocks;
  const blocks: AlignableBlock[] = ids.map((id, i) => {
    const left = box[i * 4] ?? NaN;
    return {
      id,
      docIndex: docIndex[i] ?? 0,
      type: types[i] ?? '',
      text: texts[i] ?? '',
      page: page[i] ?? 1,
      box: Number.isNaN(left)
        ? null
        : {
            left,
            top: box[i * 4 + 1] ?? 0,
            width: box[i * 4 + 2] ?? 0,
            height: box[i * 4 + 3] ?? 0,
          },
    };
  });
  return {
    blocks,
    extract: packed.extract,
    split: packed.split,
    metrics: packed.metrics,
  };
}

function packBlockDiffs(diffs: readonly BlockDiff[]): PackedBlockDiffs {
  const n = diffs.length;
  const packed: PackedBlockDiffs = {
    status: new Array<BlockStatus>(n),
    changes: new Uint8Array(n),
    candidateId: new Array<string | null>(n),
    baselineId: new Array<string | null>(n),
    docIndex: new Int32Array(n),
    page: new Int32Array(n),
    baselinePage: new Int32Array(n),
    similarity: new Float64Array(n),
    segments: [],
  };
  diffs.forEach((diff, i) => {
    packed.status[i] = diff.status;
    let bits = 0;
    CHANGE_BITS.forEach((change, bit) => {
      if (diff.changes.includes(change)) bits |= 1 << bit;
    });
    packed.changes[i] = bits;
    packed.candidateId[i] = diff.candidateId;
    packed.baselineId[i] = diff.baselineId;
    packed.docIndex[i] = diff.docIndex;
    packed.page[i] = diff.page;
    packed.baselinePage[i] = diff.baselinePage ?? -1;
    packed.similarity[i] = diff.similarity;
    if (diff.segments !== null)
      packed.segments.push({ index: i, segments: diff.segments });
  });
  return packed;
}

function unpackBlockDiffs(packed: PackedBlockDiffs): BlockDiff[] {
  const segments = new Map(packed.segments.map((s) => [s.index, s.segments]));
  return packed.status.map((status, i) => {
    const bits = packed.changes[i] ?? 0;
    const baselinePage = packed.baselinePage[i] ?? -1;
    return {
      status,
      // Same order as the classifier pushes them.
      changes: CHANGE_BITS.filter((_, bit) => (bits & (1 << bit)) !== 0),
      candidateId: packed.candidateId[i] ?? null,
      baselineId: packed.baselineId[i] ?? null,
      docIndex: packed.docIndex[i] ?? 0,
      page: packed.page[i] ?? 1,
      baselinePage: baselinePage === -1 ? null : baselinePage,
      segments: segments.get(i) ?? null,
      similarity: packed.similarity[i] ?? 0,
    };
  });
}

export function makeDiffRequest(
  baseline: DiffInput,
  candidate: DiffInput,
): DiffRequest {
  return {
    baseline: packComparable(baseline),
    candidate: packComparable(candidate),
  };
}

/** The typed arrays' buffers: moved to the worker, not copied. */
export function requestTransferables(request: DiffRequest): Transferable[] {
  return [request.baseline, request.candidate].flatMap(({ blocks }) => [
    blocks.docIndex.buffer,
    blocks.page.buffer,
    blocks.box.buffer,
  ]);
}

/** Same for a reply. */
export function replyTransferables(reply: DiffReply): Transferable[] {
  if (!reply.ok) return [];
  const d = reply.core.blockDiffs;
  return [d.changes, d.docIndex, d.page, d.baselinePage, d.similarity].map(
    (array) => array.buffer,
  );
}

/** The worker's whole job; also callable directly (tests). */
export function handleDiffRequest(request: DiffRequest): DiffReply {
  try {
    const comparison = compareResults(
      unpackComparable(request.baseline),
      unpackComparable(request.candidate),
    );
    return {
      ok: true,
      core: {
        blockDiffs: packBlockDiffs(comparison.blockDiffs),
        extractDiffs: comparison.extractDiffs,
        splitDiffs: comparison.splitDiffs,
        metricDeltas: comparison.metricDeltas,
      },
    };
  } catch (error) {
    return {
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    };
  }
}

/** Turns a successful reply back into the full Comparison (main thread). */
export function comparisonFromReply(
  core: Extract<DiffReply, { ok: true }>['core'],
): Comparison {
  return assembleComparison({
    ...core,
    blockDiffs: unpackBlockDiffs(core.blockDiffs),
  });
}
