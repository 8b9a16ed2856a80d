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
import { StatusBadge } from './status-badge';
import type { PaneViewProps } from './view-props';

/** Beyond this many chunks the Content view is virtualised. */
const VIRTUALISE_ABOVE = 150;

/**
 * Chunks rendered as Markdown (tables included), each marked against the
 * baseline; a changed chunk can show its word-level changes.
 */
export function ContentView(props: PaneViewProps) {
  const {
    paneName,
    result,
    baseline,
    comparison,
    current,
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

  if (items.length === 0) {
    return <p>This result has no content chunks.</p>;
  }

  const renderItem = (item: ContentItem, index: number) => {
    const isCurrent = current?.itemKey === item.key;
    return (
      <article
        className={`content-chunk status-${item.status}${isCurrent ? ' is-current' : ''}`}
        aria-label={`Chunk ${index + 1}`}
        aria-current={isCurrent ? 'true' : undefined}
      >
        {isCurrent && <CurrentMarker kind="current" />}
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
      <ul className="content-list" aria-label={`Content of ${paneName}`}>
        {items.map((item, index) => (
          <li key={item.key}>{renderItem(item, index)}</li>
        ))}
      </ul>
    </div>
  );
}
