import type { ReactNode } from 'react';
import { CurrentMarker } from './current-marker';
import type { PaneViewProps } from './view-props';

interface DiffTableProps extends Pick<
  PaneViewProps,
  'scrollerRef' | 'onScroll'
> {
  /** Accessible name of the scrolling region, e.g. "Split view of v2". */
  regionLabel: string;
  caption: string;
  /** The two columns every row has: the item's name and its value. */
  columns: readonly [string, string];
  /** The two columns added when compared: status and the baseline's value. */
  comparedColumns: readonly [string, string] | null;
  children: ReactNode;
}

/**
 * The table the Extract and Split views share: a scrolling region (for
 * synchronised scrolling) with a captioned table whose status and baseline
 * columns appear only when the pane is compared with a baseline.
 */
export function DiffTable({
  regionLabel,
  caption,
  columns,
  comparedColumns,
  scrollerRef,
  onScroll,
  children,
}: DiffTableProps) {
  return (
    <div
      className="pane-scroller"
      ref={scrollerRef}
      onScroll={onScroll}
      role="region"
      aria-label={regionLabel}
      tabIndex={0}
    >
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {[...columns, ...(comparedColumns ?? [])].map((name) => (
              <th scope="col" key={name}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

interface DiffRowProps {
  status: string;
  isCurrent: boolean;
  /** The row header: a field path or a split name. */
  name: ReactNode;
  /** The row's data cells. */
  children: ReactNode;
}

/** One compared item: its status class, and the current-difference marker. */
export function DiffRow({ status, isCurrent, name, children }: DiffRowProps) {
  return (
    <tr
      className={`status-${status}${isCurrent ? ' is-current' : ''}`}
      aria-current={isCurrent ? 'true' : undefined}
    >
      <th scope="row">
        {isCurrent && <CurrentMarker kind="current" />}
        {name}
      </th>
      {children}
    </tr>
  );
}
