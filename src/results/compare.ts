import type {
  BlockChange,
  BlockDiff,
  BlockStatus,
  Comparison,
  DiffCounts,
  NormalizedResult,
} from './model';
import { alignBlocks, type AlignableBlock, type Alignment } from './align';
import { diffExtract, diffSplit } from './compare-fields';
import { displacement } from './box-overlap';
import { metricDeltas } from './metrics';
import { wordSegments } from './text-similarity';

/**
 * What a comparison reads of a result. A NormalizedResult fits; so does a
 * slimmed copy without chunks and raw blocks (what the worker receives).
 */
export interface ComparableResult {
  blocks: readonly AlignableBlock[];
  extract: NormalizedResult['extract'];
  split: NormalizedResult['split'];
  metrics: NormalizedResult['metrics'];
}

/** A box whose corner and centre both shift more than this (page fraction) has moved. */
export const MOVE_THRESHOLD = 0.03;

/** Primary status order for matched blocks with several changes. */
const PRIMARY: readonly BlockChange[] = ['changed', 'retyped', 'moved'];

function classify(
  alignment: Alignment,
  baseline: readonly AlignableBlock[],
  candidate: readonly AlignableBlock[],
  c: number,
): BlockDiff {
  const block = candidate[c] as AlignableBlock;
  const b = alignment.baselineOf[c] ?? -1;
  const old = baseline[b];
  if (old === undefined) {
    return {
      status: 'added',
      changes: [],
      candidateId: block.id,
      baselineId: null,
      docIndex: block.docIndex,
      page: block.page,
      baselinePage: null,
      segments: null,
      similarity: 0,
    };
  }
  const changes: BlockChange[] = [];
  const textChanged = alignment.baselineText[b] !== alignment.candidateText[c];
  if (textChanged) changes.push('changed');
  if (old.type !== block.type) changes.push('retyped');
  if (
    old.page !== block.page ||
    displacement(old.box, block.box) > MOVE_THRESHOLD
  ) {
    changes.push('moved');
  }
  const status: BlockStatus =
    PRIMARY.find((p) => changes.includes(p)) ?? 'unchanged';
  return {
    status,
    changes,
    candidateId: block.id,
    baselineId: old.id,
    docIndex: block.docIndex,
    page: block.page,
    baselinePage: old.page,
    segments: textChanged ? wordSegments(old.text, block.text) : null,
    similarity: alignment.similarity[c] ?? 0,
  };
}

function removedDiff(block: AlignableBlock): BlockDiff {
  return {
    status: 'removed',
    changes: [],
    candidateId: null,
    baselineId: block.id,
    docIndex: block.docIndex,
    page: block.page,
    baselinePage: block.page,
    segments: null,
    similarity: 0,
  };
}

/**
 * Orders block diffs in candidate reading order and slots each removed
 * baseline block right after the candidate block matched to the nearest
 * preceding baseline block of the same document (or before the document's
 * first candidate block).
 */
function orderDiffs(
  alignment: Alignment,
  baseline: readonly AlignableBlock[],
  candidate: readonly AlignableBlock[],
): BlockDiff[] {
  // First candidate index of each document (or where it would start).
  const firstOfDoc = (doc: number) => {
    const i = candidate.findIndex((block) => block.docIndex >= doc);
    return i === -1 ? candidate.length : i;
  };
  const removedAfter = new Map<number, number[]>();
  let anchor = -1;
  let doc = -1;
  baseline.forEach((block, b) => {
    if (block.docIndex !== doc) {
      doc = block.docIndex;
      anchor = firstOfDoc(doc) - 1;
    }
    const c = alignment.candidateOf[b] ?? -1;
    if (c !== -1) {
      anchor = c;
      return;
    }
    const list = removedAfter.get(anchor);
    if (list === undefined) removedAfter.set(anchor, [b]);
    else list.push(b);
  });
  const diffs: BlockDiff[] = [];
  const pushRemoved = (at: number) => {
    for (const b of removedAfter.get(at) ?? []) {
      diffs.push(removedDiff(baseline[b] as AlignableBlock));
    }
  };
  pushRemoved(-1);
  for (let c = 0; c < candidate.length; c++) {
    diffs.push(classify(alignment, baseline, candidate, c));
    pushRemoved(c);
  }
  return diffs;
}

/**
 * Compares a candidate result against a baseline: aligns and classifies
 * blocks, and diffs extract fields, split ranges and metrics. Pure and
 * deterministic; the worker runs exactly this.
 */
export function compareResults(
  baseline: ComparableResult,
  candidate: ComparableResult,
): Comparison {
  const alignment = alignBlocks(baseline.blocks, candidate.blocks);
  return assembleComparison({
    blockDiffs: orderDiffs(alignment, baseline.blocks, candidate.blocks),
    extractDiffs: diffExtract(baseline.extract, candidate.extract),
    splitDiffs: diffSplit(baseline.split, candidate.split),
    metricDeltas: metricDeltas(baseline.metrics, candidate.metrics),
  });
}

/** The parts of a Comparison everything else is derived from. */
export type ComparisonCore = Pick<
  Comparison,
  'blockDiffs' | 'extractDiffs' | 'splitDiffs' | 'metricDeltas'
>;

/**
 * Derives the lookup maps, counts and pages from the diffs. Split out so
 * the worker client can rebuild them on its side instead of paying for
 * cloning four large maps (see diff-protocol.ts).
 */
export function assembleComparison(core: ComparisonCore): Comparison {
  const { blockDiffs, extractDiffs, splitDiffs } = core;
  const matchByCandidateId: Record<string, string> = {};
  const matchByBaselineId: Record<string, string> = {};
  const diffIndexByCandidateId: Record<string, number> = {};
  const diffIndexByBaselineId: Record<string, number> = {};
  const pageSets: Set<number>[] = [];
  const markPage = (doc: number, page: number) => {
    (pageSets[doc] ??= new Set()).add(page);
  };
  const counts: DiffCounts = {
    unchanged: 0,
    changed: 0,
    retyped: 0,
    moved: 0,
    added: 0,
    removed: 0,
    differences: 0,
    fieldsUnchanged: 0,
    fieldsChanged: 0,
    fieldsAdded: 0,
    fieldsRemoved: 0,
    splitsChanged: 0,
    splitsAdded: 0,
    splitsRemoved: 0,
  };

  blockDiffs.forEach((diff, i) => {
    if (diff.candidateId !== null) diffIndexByCandidateId[diff.candidateId] = i;
    if (diff.baselineId !== null) diffIndexByBaselineId[diff.baselineId] = i;
    if (diff.candidateId !== null && diff.baselineId !== null) {
      matchByCandidateId[diff.candidateId] = diff.baselineId;
      matchByBaselineId[diff.baselineId] = diff.candidateId;
    }
    if (diff.status === 'unchanged') {
      counts.unchanged++;
      return;
    }
    counts.differences++;
    if (diff.status === 'added') counts.added++;
    if (diff.status === 'removed') counts.removed++;
    for (const change of diff.changes) counts[change]++;
    markPage(diff.docIndex, diff.page);
    if (diff.baselinePage !== null) markPage(diff.docIndex, diff.baselinePage);
  });

  for (const field of extractDiffs) {
    if (field.status === 'unchanged') counts.fieldsUnchanged++;
    else if (field.status === 'changed') counts.fieldsChanged++;
    else if (field.status === 'added') counts.fieldsAdded++;
    else counts.fieldsRemoved++;
  }
  for (const split of splitDiffs) {
    if (split.status === 'changed') counts.splitsChanged++;
    else if (split.status === 'added') counts.splitsAdded++;
    else if (split.status === 'removed') counts.splitsRemoved++;
  }

  const docCount = Math.max(pageSets.length, 1);
  const pagesWithDifferencesByDoc: number[][] = [];
  for (let d = 0; d < docCount; d++) {
    pagesWithDifferencesByDoc.push(
      [...(pageSets[d] ?? [])].sort((a, b) => a - b),
    );
  }

  return {
    blockDiffs,
    matchByCandidateId,
    matchByBaselineId,
    diffIndexByCandidateId,
    diffIndexByBaselineId,
    extractDiffs,
    splitDiffs,
    counts,
    metricDeltas: core.metricDeltas,
    pagesWithDifferences: pagesWithDifferencesByDoc[0] ?? [],
    pagesWithDifferencesByDoc,
  };
}
