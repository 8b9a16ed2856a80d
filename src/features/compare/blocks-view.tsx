import { useEffect, useMemo, useRef } from 'react';
import type {
  Comparison,
  DiffSegment,
  NormalizedBlock,
  NormalizedResult,
} from '@/results/model';
import { TruncatedText } from '@/components/truncated-text';
import { VirtualList } from '@/components/virtual-list';
import type { VirtualListHandle } from '@/components/virtual-list';
import { diffSides, diffTypeLabel } from './block-lookup';
import { blockName } from './block-name';
import { CurrentMarker } from './current-marker';
import { baselineBlockKey, blockDiffKey } from './differences';
import { Segments } from './segments';
import { SelectedMarker } from './selected-marker';
import { baselineSelection } from './selection-alignment';
import type { AlignedSelection } from './selection-alignment';
import { StatusBadge } from './status-badge';
import type { DiffStatus } from './status-marks';
import { useAlignedSelection } from './use-aligned-selection';
import { useSelectionScroll } from './use-selection-scroll';
import type { PaneViewProps } from './view-props';

interface BlockRow {
  key: string;
  status: DiffStatus | null;
  extraChanges: DiffStatus[];
  block: NormalizedBlock | null;
  typeLabel: string;
  page: number;
  segments: DiffSegment[] | null;
  /** This pane's block; null for a block the baseline has and it removed. */
  ownBlockId: string | null;
  baselineBlockId: string | null;
}

/**
 * Blocks as a virtualised list: status (symbol + word), type, page,
 * confidence and text, with word-level changes as <ins>/<del>. Candidate
 * panes list their block diffs (removed blocks at their baseline position);
 * the baseline pane lists its own blocks. Each row can be selected; the
 * shared selection is highlighted (through the alignment) and scrolled to.
 */
export function BlocksView({
  paneName,
  runId,
  result,
  baseline,
  comparison,
  current,
  counterpartBlockId,
  alignment,
  scrollerRef,
  onScroll,
}: PaneViewProps) {
  const listRef = useRef<VirtualListHandle>(null);
  const rows: BlockRow[] = useMemo(
    () => buildRows(result, baseline, comparison),
    [result, baseline, comparison],
  );
  const counterpartKey =
    counterpartBlockId !== null ? baselineBlockKey(counterpartBlockId) : null;
  const counterpartIndex =
    counterpartBlockId !== null && !comparison
      ? (result.blockIndexById[counterpartBlockId] ?? null)
      : null;
  const targetIndex = current?.position ?? counterpartIndex;

  useEffect(() => {
    if (targetIndex !== null) listRef.current?.scrollToIndex(targetIndex);
  }, [targetIndex]);

  const { aligned, selectionKey } = useAlignedSelection(runId, alignment);
  const selectedIndex = selectedRowIndex(aligned, result, comparison);
  const select = useSelectionScroll(selectionKey, selectedIndex, (index) =>
    listRef.current?.scrollToIndex(index),
  );
  const onSelect = (row: BlockRow, isSelected: boolean) =>
    select(
      isSelected
        ? null
        : row.ownBlockId !== null
          ? { runId, blockId: row.ownBlockId }
          : row.baselineBlockId !== null
            ? baselineSelection(alignment, row.baselineBlockId)
            : null,
    );

  if (rows.length === 0) {
    return <p>This result has no blocks.</p>;
  }

  return (
    <VirtualList
      ref={(handle) => {
        listRef.current = handle;
        scrollerRef(handle?.element() ?? null);
      }}
      label={`Blocks of ${paneName}`}
      items={rows}
      getKey={(row) => row.key}
      estimateHeight={72}
      onScroll={onScroll}
      className="pane-scroller"
      scrollerLabel={`Blocks view of ${paneName}`}
      renderItem={(row, index) => {
        const isCurrent = current?.itemKey === row.key;
        const isCounterpart = counterpartKey === row.key;
        const isSelected = index === selectedIndex;
        return (
          <div
            className={`block-row${row.status ? ` status-${row.status}` : ''}${isCurrent || isCounterpart ? ' is-current' : ''}${isSelected ? ' is-selected' : ''}`}
            aria-current={isCurrent ? 'true' : undefined}
          >
            {isCurrent && <CurrentMarker kind="current" />}
            {isCounterpart && <CurrentMarker kind="counterpart" />}
            {isSelected && <SelectedMarker />}
            <div className="block-meta">
              {row.block && (
                <button
                  type="button"
                  className="select-button"
                  aria-pressed={isSelected}
                  aria-label={`Select ${blockName(row.block, row.status)}`}
                  onClick={() => onSelect(row, isSelected)}
                >
                  Select
                </button>
              )}
              {row.status && <StatusBadge status={row.status} />}
              {row.extraChanges.map((change) => (
                <StatusBadge key={change} status={change} />
              ))}
              <span>{row.typeLabel}</span>
              <span>Page {row.page}</span>
              <span>Confidence {row.block?.confidence ?? 'unknown'}</span>
            </div>
            <p className="block-text">
              {/* Cut when huge: a block can hold millions of characters. */}
              {row.segments ? (
                <Segments segments={row.segments} />
              ) : row.status === 'removed' ? (
                <TruncatedText
                  text={row.block?.text ?? ''}
                  render={(text) => <del>{text}</del>}
                />
              ) : row.status === 'added' ? (
                <TruncatedText
                  text={row.block?.text ?? ''}
                  render={(text) => <ins>{text}</ins>}
                />
              ) : (
                <TruncatedText text={row.block?.text ?? ''} />
              )}
            </p>
          </div>
        );
      }}
    />
  );
}

function buildRows(
  result: NormalizedResult,
  baseline: NormalizedResult | null,
  comparison: Comparison | null,
): BlockRow[] {
  return comparison
    ? comparison.blockDiffs.map((diff, i) => {
        const { before, after } = diffSides(diff, result, baseline);
        return {
          key: blockDiffKey(i),
          status: diff.status,
          extraChanges: diff.changes.filter((c) => c !== diff.status),
          block: after ?? before,
          typeLabel: diffTypeLabel(before, after),
          page: diff.page,
          segments: diff.segments,
          ownBlockId: diff.candidateId,
          baselineBlockId: diff.baselineId,
        };
      })
    : result.blocks.map((block) => ({
        key: baselineBlockKey(block.id),
        status: null,
        extraChanges: [],
        block,
        typeLabel: block.type,
        page: block.page,
        segments: null,
        ownBlockId: block.id,
        baselineBlockId: block.id,
      }));
}

/** The row of the block selected (in any pane) as this pane sees it. */
function selectedRowIndex(
  aligned: AlignedSelection,
  result: NormalizedResult,
  comparison: Comparison | null,
): number | null {
  if (!comparison) {
    return aligned.own !== null
      ? (result.blockIndexById[aligned.own] ?? null)
      : null;
  }
  if (aligned.own !== null) {
    return comparison.diffIndexByCandidateId[aligned.own] ?? null;
  }
  // Not in this pane: the row of the baseline block it removed, if any.
  return aligned.baselineId !== null
    ? (comparison.diffIndexByBaselineId[aligned.baselineId] ?? null)
    : null;
}
