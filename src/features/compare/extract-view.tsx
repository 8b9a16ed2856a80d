import { fieldKey } from './differences';
import { DiffRow, DiffTable } from './diff-table';
import { valueText } from './export-markdown';
import { StatusBadge } from './status-badge';
import type { PaneViewProps } from './view-props';

/** Extracted fields as a table: path, value, status and the baseline value. */
export function ExtractView({
  paneName,
  result,
  comparison,
  current,
  scrollerRef,
  onScroll,
}: PaneViewProps) {
  const compared = comparison !== null && comparison.extractDiffs.length > 0;
  if (!compared && (result.extract === null || result.extract.length === 0)) {
    return <p>This result has no extracted fields.</p>;
  }
  return (
    <DiffTable
      regionLabel={`Extract view of ${paneName}`}
      caption={`Extracted fields of ${paneName}`}
      columns={['Field', 'Value']}
      comparedColumns={compared ? ['Status', 'Baseline value'] : null}
      scrollerRef={scrollerRef}
      onScroll={onScroll}
    >
      {compared
        ? comparison.extractDiffs.map((diff) => {
            const key = fieldKey(diff.path);
            return (
              <DiffRow
                key={key}
                status={diff.status}
                isCurrent={current?.itemKey === key}
                name={diff.path}
              >
                <td>
                  {diff.status === 'removed' ? '—' : valueText(diff.newValue)}
                </td>
                <td>
                  <StatusBadge status={diff.status} />
                  {diff.citationsChanged && ' (citations moved)'}
                </td>
                <td>
                  {diff.status === 'added' ? '—' : valueText(diff.oldValue)}
                </td>
              </DiffRow>
            );
          })
        : (result.extract ?? []).map((field) => (
            <tr key={field.path}>
              <th scope="row">{field.path}</th>
              <td>{valueText(field.value)}</td>
            </tr>
          ))}
    </DiffTable>
  );
}
