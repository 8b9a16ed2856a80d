import type {
  ExtractField,
  MetricDeltas,
  NormalizedBlock,
  NormalizedDocument,
  ResultMetrics,
} from './model';

export function computeMetrics(input: {
  documents: readonly NormalizedDocument[];
  blocks: readonly NormalizedBlock[];
  chunkCount: number;
  extract: readonly ExtractField[] | null;
  /** Top-level usage of the response, when it has one. */
  pages: number | null;
  credits: number | null;
}): ResultMetrics {
  const blocksByType: Record<string, number> = {};
  let lowConfidenceCount = 0;
  for (const block of input.blocks) {
    blocksByType[block.type] = (blocksByType[block.type] ?? 0) + 1;
    if (block.confidence === 'low') lowConfidenceCount++;
  }
  const durations = input.documents
    .map((d) => d.durationSec)
    .filter((d): d is number => d !== null);
  return {
    durationSec: durations.length > 0 ? sum(durations) : null,
    pages: input.pages,
    credits: input.credits,
    chunkCount: input.chunkCount,
    blockCount: input.blocks.length,
    blocksByType,
    lowConfidenceCount,
    fieldCount: input.extract?.length ?? 0,
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function delta(
  candidate: number | null,
  baseline: number | null,
): number | null {
  return candidate === null || baseline === null ? null : candidate - baseline;
}

/** candidate − baseline for every metric. */
export function metricDeltas(
  baseline: ResultMetrics,
  candidate: ResultMetrics,
): MetricDeltas {
  const blocksByType: Record<string, number> = {};
  const types = new Set([
    ...Object.keys(baseline.blocksByType),
    ...Object.keys(candidate.blocksByType),
  ]);
  for (const type of [...types].sort()) {
    blocksByType[type] =
      (candidate.blocksByType[type] ?? 0) - (baseline.blocksByType[type] ?? 0);
  }
  return {
    durationSec: delta(candidate.durationSec, baseline.durationSec),
    pages: delta(candidate.pages, baseline.pages),
    credits: delta(candidate.credits, baseline.credits),
    chunkCount: candidate.chunkCount - baseline.chunkCount,
    blockCount: candidate.blockCount - baseline.blockCount,
    lowConfidenceCount:
      candidate.lowConfidenceCount - baseline.lowConfidenceCount,
    fieldCount: candidate.fieldCount - baseline.fieldCount,
    blocksByType,
  };
}
