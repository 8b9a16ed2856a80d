import { CurrentMarker } from './current-marker';
import { splitKey } from './differences';
import { StatusBadge } from './status-badge';
import type { PaneViewProps } from './view-props';

const pagesText = (pages: readonly number[] | null) =>
  pages && pages.length > 0 ? pages.join(', ') : '—';

/** Split page ranges as a table, each with its status against the baseline. */
export function SplitView({
  paneName,
  result,
  comparison,
  current,
  scrollerRef,
  onScroll,
}: PaneViewProps) {
  const compared = comparison !== null && comparison.splitDiffs.length > 0;
  if (!compared && (result.split === null || result.split.length === 0)) {
    return <p>This result has no split.</p>;
  }
  return (
    <div
      className="pane-scroller"
      ref={scrollerRef}
      onScroll={onScroll}
      role="region"
      aria-label={`Split view of ${paneName}`}
      tabIndex={0}
    >
      <table className="data-table">
        <caption>Split of {paneName}</caption>
        <thead>
          <tr>
            <th scope="col">Split</th>
            <th scope="col">Pages</th>
            {compared && <th scope="col">Status</th>}
            {compared && <th scope="col">Baseline pages</th>}
          </tr>
        </thead>
        <tbody>
          {compared
            ? comparison.splitDiffs.map((diff) => {
                const key = splitKey(diff.key);
                const isCurrent = current?.itemKey === key;
                return (
                  <tr
                    key={key}
                    className={`status-${diff.status}${isCurrent ? ' is-current' : ''}`}
                    aria-current={isCurrent ? 'true' : undefined}
                  >
                    <th scope="row">
                      {isCurrent && <CurrentMarker kind="current" />}
                      {diff.name}
                    </th>
                    <td>{pagesText(diff.newPages)}</td>
                    <td>
                      <StatusBadge status={diff.status} />
                      {diff.pagesAdded.length > 0 &&
                        ` (+ pages ${diff.pagesAdded.join(', ')})`}
                      {diff.pagesRemoved.length > 0 &&
                        ` (− pages ${diff.pagesRemoved.join(', ')})`}
                    </td>
                    <td>{pagesText(diff.oldPages)}</td>
                  </tr>
                );
              })
            : (result.split ?? []).map((range) => (
                <tr key={range.key}>
                  <th scope="row">{range.name}</th>
                  <td>{pagesText(range.pages)}</td>
                </tr>
              ))}
        </tbody>
      </table>
    </div>
  );
}
