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
import { CurrentMarker } from './current-marker';
import { baselineBlockKey, blockDiffKey } from './differences';
import { Segments } from './segments';
import { StatusBadge } from './status-badge';
import type { DiffStatus } from './status-marks';
import type { PaneViewProps } from './view-props';

interface BlockRow {
  key: string;
  status: DiffStatus | null;
  extraChanges: DiffStatus[];
  block: NormalizedBlock | null;
  typeLabel: string;
  page: number;
  segments: DiffSegment[] | null;
  baselineBlockId: string | null;
}

/**
 * Blocks as a virtualised list: status (symbol + word), type, page,
 * confidence and text, with word-level changes as <ins>/<del>. Candidate
 * panes list their block diffs (removed blocks at their baseline position);
 * the baseline pane lists its own blocks.
 */
export function BlocksView({
  paneName,
  result,
  baseline,
  comparison,
  current,
  counterpartBlockId,
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
      renderItem={(row) => {
        const isCurrent = current?.itemKey === row.key;
        const isCounterpart = counterpartKey === row.key;
        return (
          <div
            className={`block-row${row.status ? ` status-${row.status}` : ''}${isCurrent || isCounterpart ? ' is-current' : ''}`}
            aria-current={isCurrent ? 'true' : undefined}
          >
            {isCurrent && <CurrentMarker kind="current" />}
            {isCounterpart && <CurrentMarker kind="counterpart" />}
            <div className="block-meta">
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
        baselineBlockId: block.id,
      }));
}
