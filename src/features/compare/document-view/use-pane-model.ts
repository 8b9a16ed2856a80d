import { useMemo } from 'react';
import type {
  BlockStatus,
  Comparison,
  NormalizedBlock,
  NormalizedResult,
} from '@/results/model';
import { changedPages, pageDifferenceMarks } from '@/results/page-marks';
import { typesWithCounts } from './block-style';

/** Blocks are drawn for the first document of a result (one PDF per pane). */
export const DOC_INDEX = 0;

/** Everything derived from the results alone, computed once per result. */
export function usePaneModel(
  result: NormalizedResult,
  comparison: Comparison | null,
  baseline: NormalizedResult | null,
) {
  return useMemo(() => {
    const own = result.blocks.filter((b) => b.docIndex === DOC_INDEX);
    const base = (baseline?.blocks ?? []).filter(
      (b) => b.docIndex === DOC_INDEX,
    );
    const blockById = new Map(own.map((b) => [b.id, b]));
    const baselineById = new Map(base.map((b) => [b.id, b]));

    const statusById = new Map<string, BlockStatus>();
    const removed: NormalizedBlock[] = [];
    for (const diff of comparison?.blockDiffs ?? []) {
      if (diff.docIndex !== DOC_INDEX) continue;
      if (diff.candidateId !== null)
        statusById.set(diff.candidateId, diff.status);
      if (diff.status === 'removed' && diff.baselineId !== null) {
        const block = baselineById.get(diff.baselineId);
        if (block) removed.push(block);
      }
    }
    const marks = pageDifferenceMarks(comparison, DOC_INDEX);
    let lastPage = Math.max(1, result.documents[DOC_INDEX]?.pageCount ?? 0);
    for (const b of own) lastPage = Math.max(lastPage, b.page);
    for (const b of base) lastPage = Math.max(lastPage, b.page);
    const types = typesWithCounts(own);
    for (const { type } of typesWithCounts(removed)) {
      if (!types.some((t) => t.type === type)) types.push({ type, count: 0 });
    }
    return {
      blockById,
      baselineById,
      removedIds: new Set(removed.map((b) => b.id)),
      blocksByPage: byPage(own),
      removedByPage: byPage(removed),
      baselineByPage: byPage(base),
      statusOf: (id: string) => statusById.get(id) ?? null,
      marks,
      changedPages: changedPages(marks),
      pageCountFromBlocks: lastPage,
      types,
      otherDocuments: result.blocks.some((b) => b.docIndex !== DOC_INDEX),
    };
  }, [result, comparison, baseline]);
}

function byPage(blocks: readonly NormalizedBlock[]) {
  const map = new Map<number, NormalizedBlock[]>();
  for (const block of blocks) {
    const list = map.get(block.page);
    if (list) list.push(block);
    else map.set(block.page, [block]);
  }
  return map;
}
