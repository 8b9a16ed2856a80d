import type { Comparison, NormalizedResult } from '@/results/model';
import { buildContentItems } from './content-model';
import type { DiffStatus } from './status-marks';
import type { ViewId } from './views';

/** One navigable difference: which pane, and which item of the view. */
export interface DifferenceRef {
  paneRunId: string;
  /** Key of the item in the pane's current view (see itemKey helpers). */
  itemKey: string;
  status: DiffStatus;
  /** Index in the view's item list, for scrolling virtualised lists. */
  position: number;
  /** Baseline block id of a block difference, to mark its counterpart. */
  baselineBlockId: string | null;
  /**
   * The block to select when this difference becomes current (a chunk's
   * first differing block): the pane's own block, or for a removed one the
   * baseline's. Null for fields and split ranges.
   */
  block: { candidateId: string | null; baselineId: string | null } | null;
}

export interface DifferencePane {
  runId: string;
  result: NormalizedResult | null;
  comparison: Comparison | null;
}

export const blockDiffKey = (index: number) => `diff:${index}`;
export const baselineBlockKey = (blockId: string) => `block:${blockId}`;
export const fieldKey = (path: string) => `field:${path}`;
export const splitKey = (key: string) => `split:${key}`;

/**
 * The differences the user steps through in the current view: every
 * non-baseline pane's differing items, pane by pane, in reading order. The
 * Document and JSON views step through blocks, as the Blocks view does.
 */
export function listDifferences(
  panes: readonly DifferencePane[],
  baseline: NormalizedResult | null,
  view: ViewId,
): DifferenceRef[] {
  const refs: DifferenceRef[] = [];
  for (const pane of panes) {
    const { comparison, result } = pane;
    if (!comparison || !result) continue;
    if (view === 'content') {
      buildContentItems(result, comparison, baseline).forEach((item, i) => {
        if (item.status === 'unchanged') return;
        const first = comparison.blockDiffs[item.diffIndices[0] ?? -1];
        refs.push({
          paneRunId: pane.runId,
          itemKey: item.key,
          status: item.status,
          position: i,
          baselineBlockId: null,
          block: first
            ? { candidateId: first.candidateId, baselineId: first.baselineId }
            : null,
        });
      });
    } else if (view === 'extract') {
      comparison.extractDiffs.forEach((diff, i) => {
        if (diff.status === 'unchanged') return;
        refs.push({
          paneRunId: pane.runId,
          itemKey: fieldKey(diff.path),
          status: diff.status,
          position: i,
          baselineBlockId: null,
          block: null,
        });
      });
    } else if (view === 'split') {
      comparison.splitDiffs.forEach((diff, i) => {
        if (diff.status === 'unchanged') return;
        refs.push({
          paneRunId: pane.runId,
          itemKey: splitKey(diff.key),
          status: diff.status,
          position: i,
          baselineBlockId: null,
          block: null,
        });
      });
    } else {
      comparison.blockDiffs.forEach((diff, i) => {
        if (diff.status === 'unchanged') return;
        refs.push({
          paneRunId: pane.runId,
          itemKey: blockDiffKey(i),
          status: diff.status,
          position: i,
          baselineBlockId: diff.baselineId,
          block: { candidateId: diff.candidateId, baselineId: diff.baselineId },
        });
      });
    }
  }
  return refs;
}
