import type { Comparison } from '@/results/model';
import type { PaneComparison } from './pane-model';

/** A block selected in one pane: that pane's run id and its block id. */
export interface BlockSelection {
  runId: string;
  blockId: string;
}

/**
 * What every pane needs to map the shared selection onto its own blocks:
 * a selection made in pane A becomes a baseline block (through A's
 * comparison), which becomes pane B's block (through B's). Built by the
 * compare view from the comparisons it already holds.
 */
export interface SelectionAlignment {
  baselineRunId: string | null;
  /** Each candidate pane's settled comparison against the baseline. */
  comparisons: Readonly<Record<string, Comparison>>;
}

/** The block to highlight in one pane for the shared selection. */
export interface AlignedSelection {
  /** A block of this pane: selected here, or aligned to the selection. */
  own: string | null;
  /**
   * The baseline block the selection stands for, so that a candidate pane
   * can also highlight a block the baseline has and it REMOVED.
   */
  baselineId: string | null;
}

/** A key that changes whenever the selection does (for effects). */
export const selectionKeyOf = (selection: BlockSelection | null) =>
  selection ? `${selection.runId}\u0000${selection.blockId}` : null;

const NOTHING: AlignedSelection = { own: null, baselineId: null };

export function createSelectionAlignment(
  baselineRunId: string | null,
  comparisons: Readonly<Record<string, PaneComparison>>,
): SelectionAlignment {
  const settled: Record<string, Comparison> = {};
  for (const [runId, comparison] of Object.entries(comparisons)) {
    if (comparison !== null && comparison !== 'pending') {
      settled[runId] = comparison;
    }
  }
  return { baselineRunId, comparisons: settled };
}

/**
 * The baseline block a selection stands for; null for a block the baseline
 * does not have (added), or a pane that is not compared (yet).
 */
export function selectionToBaselineId(
  selection: BlockSelection,
  alignment: SelectionAlignment,
): string | null {
  if (selection.runId === alignment.baselineRunId) return selection.blockId;
  return (
    alignment.comparisons[selection.runId]?.matchByCandidateId[
      selection.blockId
    ] ?? null
  );
}

/** The shared selection as seen from the pane showing run `runId`. */
export function alignSelection(
  selection: BlockSelection | null,
  runId: string,
  alignment: SelectionAlignment,
): AlignedSelection {
  if (!selection) return NOTHING;
  const isBaseline = runId === alignment.baselineRunId;
  const comparison = alignment.comparisons[runId];
  const baselineId = selectionToBaselineId(selection, alignment);
  if (selection.runId === runId) {
    return { own: selection.blockId, baselineId };
  }
  if (baselineId === null) return NOTHING;
  if (isBaseline) return { own: baselineId, baselineId };
  return {
    own: comparison?.matchByBaselineId[baselineId] ?? null,
    baselineId,
  };
}

/** The selection that stands for a removed block: the baseline's block. */
export function baselineSelection(
  alignment: SelectionAlignment,
  baselineBlockId: string,
): BlockSelection | null {
  return alignment.baselineRunId === null
    ? null
    : { runId: alignment.baselineRunId, blockId: baselineBlockId };
}
