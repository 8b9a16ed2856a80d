import { splitKey } from './differences';
import { DiffRow, DiffTable } from './diff-table';
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
    <DiffTable
      regionLabel={`Split view of ${paneName}`}
      caption={`Split of ${paneName}`}
      columns={['Split', 'Pages']}
      comparedColumns={compared ? ['Status', 'Baseline pages'] : null}
      scrollerRef={scrollerRef}
      onScroll={onScroll}
    >
      {compared
        ? comparison.splitDiffs.map((diff) => {
            const key = splitKey(diff.key);
            return (
              <DiffRow
                key={key}
                status={diff.status}
                isCurrent={current?.itemKey === key}
                name={diff.name}
              >
                <td>{pagesText(diff.newPages)}</td>
                <td>
                  <StatusBadge status={diff.status} />
                  {diff.pagesAdded.length > 0 &&
                    ` (+ pages ${diff.pagesAdded.join(', ')})`}
                  {diff.pagesRemoved.length > 0 &&
                    ` (− pages ${diff.pagesRemoved.join(', ')})`}
                </td>
                <td>{pagesText(diff.oldPages)}</td>
              </DiffRow>
            );
          })
        : (result.split ?? []).map((range) => (
            <tr key={range.key}>
              <th scope="row">{range.name}</th>
              <td>{pagesText(range.pages)}</td>
            </tr>
          ))}
    </DiffTable>
  );
}
