import { useEffect, useMemo, useRef } from 'react';
import { TruncatedText } from '@/components/truncated-text';
import { VirtualList } from '@/components/virtual-list';
import type { VirtualListHandle } from '@/components/virtual-list';
import { diffSides } from './block-lookup';
import type { ContentItem } from './content-model';
import { buildContentItems } from './content-model';
import { CurrentMarker } from './current-marker';
import { LazyDetails } from './lazy-details';
import { MarkdownBlock } from './markdown-block';
import { Segments } from './segments';
import { SelectedMarker } from './selected-marker';
import { baselineSelection } from './selection-alignment';
import type { AlignedSelection } from './selection-alignment';
import { StatusBadge } from './status-badge';
import { useAlignedSelection } from './use-aligned-selection';
import { useSelectionScroll } from './use-selection-scroll';
import type { PaneViewProps } from './view-props';

/** Beyond this many chunks the Content view is virtualised. */
const VIRTUALISE_ABOVE = 150;

/**
 * Chunks rendered as Markdown (tables included), each marked against the
 * baseline; a changed chunk can show its word-level changes. Selecting a
 * chunk selects its first block for every pane; the chunk holding the
 * shared selection (through the alignment) is highlighted and scrolled to.
 */
export function ContentView(props: PaneViewProps) {
  const {
    paneName,
    runId,
    result,
    baseline,
    comparison,
    current,
    alignment,
    scrollerRef,
    onScroll,
  } = props;
  const items = useMemo(
    () => buildContentItems(result, comparison, baseline),
    [result, comparison, baseline],
  );
  const listRef = useRef<VirtualListHandle>(null);
  const virtual = items.length > VIRTUALISE_ABOVE;
  const targetIndex = current?.position ?? null;

  useEffect(() => {
    if (virtual && targetIndex !== null) {
      listRef.current?.scrollToIndex(targetIndex);
    }
  }, [virtual, targetIndex]);

  const { aligned, selectionKey } = useAlignedSelection(runId, alignment);
  const selectedIndex = useMemo(
    () => selectedItemIndex(items, aligned),
    // The aligned ids are all it reads of the selection.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [items, aligned.own, aligned.baselineId],
  );
  const plainList = useRef<HTMLUListElement>(null);
  const select = useSelectionScroll(selectionKey, selectedIndex, (index) => {
    if (virtual) listRef.current?.scrollToIndex(index);
    else
      plainList.current?.children[index]?.scrollIntoView?.({
        block: 'nearest',
      });
  });
  const onSelect = (item: ContentItem, isSelected: boolean) => {
    const first = item.blockIds[0];
    select(
      isSelected || first === undefined
        ? null
        : item.status === 'removed'
          ? baselineSelection(alignment, first)
          : { runId, blockId: first },
    );
  };

  if (items.length === 0) {
    return <p>This result has no content chunks.</p>;
  }

  const renderItem = (item: ContentItem, index: number) => {
    const isCurrent = current?.itemKey === item.key;
    const isSelected = index === selectedIndex;
    return (
      <article
        className={`content-chunk status-${item.status}${isCurrent ? ' is-current' : ''}${isSelected ? ' is-selected' : ''}`}
        aria-label={`Chunk ${index + 1}`}
        aria-current={isCurrent ? 'true' : undefined}
      >
        {isCurrent && <CurrentMarker kind="current" />}
        {isSelected && <SelectedMarker />}
        {item.blockIds.length > 0 && (
          <button
            type="button"
            className="select-button"
            aria-pressed={isSelected}
            aria-label={`Select chunk ${index + 1}`}
            onClick={() => onSelect(item, isSelected)}
          >
            Select
          </button>
        )}
        {comparison && <StatusBadge status={item.status} />}
        {item.pages.length > 0 && (
          <span className="chunk-pages">
            {item.pages.length === 1 ? 'Page' : 'Pages'} {item.pages.join(', ')}
          </span>
        )}
        {/* Cut when huge: Markdown of millions of characters freezes the page. */}
        <TruncatedText
          text={item.content}
          render={(markdown) => <MarkdownBlock markdown={markdown} />}
        />
        {comparison && item.status === 'changed' && (
          <LazyDetails summary="Show word changes">
            <ul>
              {item.diffIndices.map((diffIndex) => {
                const diff = comparison.blockDiffs[diffIndex];
                if (!diff) return null;
                const { before, after } = diffSides(diff, result, baseline);
                return (
                  <li key={diffIndex}>
                    <StatusBadge status={diff.status} />{' '}
                    {diff.segments ? (
                      <Segments segments={diff.segments} />
                    ) : (
                      <TruncatedText text={(after ?? before)?.text ?? ''} />
                    )}
                  </li>
                );
              })}
            </ul>
          </LazyDetails>
        )}
      </article>
    );
  };

  if (virtual) {
    return (
      <VirtualList
        ref={(handle) => {
          listRef.current = handle;
          scrollerRef(handle?.element() ?? null);
        }}
        label={`Content of ${paneName}`}
        items={items}
        getKey={(item) => item.key}
        estimateHeight={160}
        // Chunks are often a page tall: a small overscan keeps the first
        // screen's Markdown work small.
        overscan={2}
        onScroll={onScroll}
        className="pane-scroller"
        scrollerLabel={`Content view of ${paneName}`}
        renderItem={renderItem}
      />
    );
  }
  return (
    <div
      className="pane-scroller"
      ref={scrollerRef}
      onScroll={onScroll}
      role="region"
      aria-label={`Content view of ${paneName}`}
      tabIndex={0}
    >
      <ul
        ref={plainList}
        className="content-list"
        aria-label={`Content of ${paneName}`}
      >
        {items.map((item, index) => (
          <li key={item.key}>{renderItem(item, index)}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The chunk holding the block selected (in any pane) as this pane sees it:
 * its own block's chunk, else the removed chunk of the baseline block.
 */
function selectedItemIndex(
  items: readonly ContentItem[],
  aligned: AlignedSelection,
): number | null {
  const { own, baselineId } = aligned;
  if (own === null && baselineId === null) return null;
  const index = items.findIndex((item) =>
    item.status === 'removed'
      ? own === null &&
        baselineId !== null &&
        item.blockIds.includes(baselineId)
      : own !== null && item.blockIds.includes(own),
  );
  return index === -1 ? null : index;
}
