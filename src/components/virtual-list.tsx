import {
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ReactNode, Ref, UIEvent } from 'react';

export interface VirtualListHandle {
  /** Scrolls so that the item at `index` is rendered and near the top. */
  scrollToIndex(index: number): void;
  /** The scrolling element, for synchronised scrolling. */
  element(): HTMLDivElement | null;
}

export interface VirtualListProps<T> {
  items: readonly T[];
  renderItem: (item: T, index: number) => ReactNode;
  getKey: (item: T, index: number) => string;
  /** Estimated row height in px; rows are measured once rendered. */
  estimateHeight?: number;
  /** Extra rows rendered above and below the visible window. */
  overscan?: number;
  /**
   * Viewport height assumed when the element reports none (jsdom, or a
   * hidden tab): the first window is then this many px tall.
   */
  fallbackViewportHeight?: number;
  /** Accessible name of the list. */
  label: string;
  /**
   * Names the scrolling viewport as a region (a scrollable area must be
   * focusable and, to be found by keyboard users, named).
   */
  scrollerLabel?: string;
  /** CSS max-height of the scrolling viewport. */
  maxHeight?: number | string;
  className?: string;
  onScroll?: (event: UIEvent<HTMLDivElement>) => void;
  ref?: Ref<VirtualListHandle>;
}

/**
 * A small windowed list: renders only the rows in (and near) the viewport,
 * with spacers standing in for the rest. Rows may differ in height: each
 * rendered row is measured and the offsets are rebuilt from the measurements
 * and the estimate. No dependency; good enough for tens of thousands of rows.
 */
export function VirtualList<T>({
  items,
  renderItem,
  getKey,
  estimateHeight = 32,
  overscan = 8,
  fallbackViewportHeight = 800,
  label,
  scrollerLabel,
  maxHeight = '70vh',
  className,
  onScroll,
  ref,
}: VirtualListProps<T>) {
  const viewportRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(0);
  // Measured row heights by key, fed by one ResizeObserver (absent in jsdom,
  // where every row keeps the estimate).
  const [heights, setHeights] = useState<ReadonlyMap<string, number>>(
    () => new Map(),
  );
  const observerRef = useRef<ResizeObserver | null>(null);

  const offsets = useMemo(() => {
    // offsets[i] = top of row i; offsets[n] = total height.
    const result = new Float64Array(items.length + 1);
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as T;
      const h = heights.get(getKey(item, i)) ?? estimateHeight;
      result[i + 1] = (result[i] ?? 0) + h;
    }
    return result;
  }, [items, getKey, estimateHeight, heights]);

  const total = offsets[items.length] ?? 0;
  const height = viewportHeight > 0 ? viewportHeight : fallbackViewportHeight;
  // Clamp: the list may have shrunk under the scroll position.
  const top = Math.max(0, Math.min(scrollTop, total - height));
  const first = Math.max(0, findIndex(offsets, top) - overscan);
  const last = Math.min(
    items.length,
    findIndex(offsets, top + height) + 1 + overscan,
  );

  useLayoutEffect(() => {
    const el = viewportRef.current;
    if (!el) return;
    setViewportHeight(el.clientHeight);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() =>
      setViewportHeight(el.clientHeight),
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => () => observerRef.current?.disconnect(), []);

  const rowObserver = (): ResizeObserver | null => {
    if (typeof ResizeObserver === 'undefined') return null;
    observerRef.current ??= new ResizeObserver((entries) => {
      setHeights((previous) => {
        let next: Map<string, number> | null = null;
        for (const entry of entries) {
          const target = entry.target as HTMLElement;
          const key = target.dataset.vlKey;
          const h = target.offsetHeight;
          if (key === undefined || h <= 0 || previous.get(key) === h) continue;
          next ??= new Map(previous);
          next.set(key, h);
        }
        return next ?? previous;
      });
    });
    return observerRef.current;
  };

  const scrollToIndex = (index: number) => {
    const clamped = Math.max(0, Math.min(items.length - 1, index));
    const target = Math.max(0, (offsets[clamped] ?? 0) - estimateHeight);
    const el = viewportRef.current;
    if (el) el.scrollTop = target;
    // Set our own state too: a browser fires a scroll event, jsdom does not.
    setScrollTop(target);
  };

  useImperativeHandle(ref, () => ({
    scrollToIndex,
    element: () => viewportRef.current,
  }));

  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    const item = items[i] as T;
    const key = getKey(item, i);
    rows.push(
      <div
        key={key}
        role="listitem"
        aria-setsize={items.length}
        aria-posinset={i + 1}
        data-vl-key={key}
        ref={(el) => {
          const observer = rowObserver();
          if (!el || !observer) return;
          observer.observe(el);
          return () => observer.unobserve(el);
        }}
      >
        {renderItem(item, i)}
      </div>,
    );
  }

  return (
    <div
      ref={viewportRef}
      className={className}
      role={scrollerLabel ? 'region' : undefined}
      aria-label={scrollerLabel}
      style={{ overflowY: 'auto', maxHeight, position: 'relative' }}
      tabIndex={0}
      onScroll={(event) => {
        setScrollTop(event.currentTarget.scrollTop);
        onScroll?.(event);
      }}
    >
      <div role="list" aria-label={label}>
        <div aria-hidden="true" style={{ height: offsets[first] ?? 0 }} />
        {rows}
        <div
          aria-hidden="true"
          style={{ height: Math.max(0, total - (offsets[last] ?? total)) }}
        />
      </div>
    </div>
  );
}

/** The index of the row containing `y` (binary search over offsets). */
function findIndex(offsets: Float64Array, y: number): number {
  const n = offsets.length - 1;
  if (n <= 0) return 0;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((offsets[mid] ?? 0) <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
