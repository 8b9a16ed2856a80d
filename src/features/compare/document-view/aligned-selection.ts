import type { Comparison } from '@/results/model';
import type { PaneEntry } from './pane-registry';

export interface BlockSelection {
  runId: string;
  blockId: string;
}

/**
 * The baseline block a selection stands for, or null when it has none (an
 * added block) or the selecting pane is unknown.
 */
export function selectionToBaselineId(
  selection: BlockSelection,
  pane: PaneEntry | undefined,
): string | null {
  if (!pane) return null;
  if (pane.isBaseline) return selection.blockId;
  return pane.comparison?.matchByCandidateId[selection.blockId] ?? null;
}

/**
 * The block to highlight in a pane for the shared selection.
 * - `own`: a block of this pane (selected here, or aligned to the selection);
 * - `baselineId`: the baseline block the selection maps to, so a candidate
 *   pane can also highlight a REMOVED block's ghost.
 */
export function alignedSelection(
  selection: BlockSelection | null,
  here: { runId: string; isBaseline: boolean; comparison: Comparison | null },
  lookup: (runId: string) => PaneEntry | undefined,
): { own: string | null; baselineId: string | null } {
  if (!selection) return { own: null, baselineId: null };
  if (selection.runId === here.runId) {
    const baselineId = here.isBaseline
      ? selection.blockId
      : (here.comparison?.matchByCandidateId[selection.blockId] ?? null);
    return { own: selection.blockId, baselineId };
  }
  const baselineId = selectionToBaselineId(selection, lookup(selection.runId));
  if (baselineId === null) return { own: null, baselineId: null };
  if (here.isBaseline) return { own: baselineId, baselineId };
  return {
    own: here.comparison?.matchByBaselineId[baselineId] ?? null,
    baselineId,
  };
}
