import { CurrentMarker } from './current-marker';
import { fieldKey } from './differences';
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
    <div
      className="pane-scroller"
      ref={scrollerRef}
      onScroll={onScroll}
      role="region"
      aria-label={`Extract view of ${paneName}`}
      tabIndex={0}
    >
      <table className="data-table">
        <caption>Extracted fields of {paneName}</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Value</th>
            {compared && <th scope="col">Status</th>}
            {compared && <th scope="col">Baseline value</th>}
          </tr>
        </thead>
        <tbody>
          {compared
            ? comparison.extractDiffs.map((diff) => {
                const key = fieldKey(diff.path);
                const isCurrent = current?.itemKey === key;
                return (
                  <tr
                    key={key}
                    className={`status-${diff.status}${isCurrent ? ' is-current' : ''}`}
                    aria-current={isCurrent ? 'true' : undefined}
                  >
                    <th scope="row">
                      {isCurrent && <CurrentMarker kind="current" />}
                      {diff.path}
                    </th>
                    <td>
                      {diff.status === 'removed'
                        ? '—'
                        : valueText(diff.newValue)}
                    </td>
                    <td>
                      <StatusBadge status={diff.status} />
                      {diff.citationsChanged && ' (citations moved)'}
                    </td>
                    <td>
                      {diff.status === 'added' ? '—' : valueText(diff.oldValue)}
                    </td>
                  </tr>
                );
              })
            : (result.extract ?? []).map((field) => (
                <tr key={field.path}>
                  <th scope="row">{field.path}</th>
                  <td>{valueText(field.value)}</td>
                </tr>
              ))}
        </tbody>
      </table>
    </div>
  );
}
