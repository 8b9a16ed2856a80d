import { compareActions } from '@/store/compare-store';
import { runsActions } from '@/store/runs-store';
import type { RunRecord } from '@/storage/run-record';
import { cellKey, type RunsGridModel } from './grid-model';
import { RunCell } from './run-cell';

interface RunsGridProps {
  model: RunsGridModel;
  now: number;
  /** Documents whose runs wait for a password. */
  passwordWaits: ReadonlySet<string>;
}

const inFlight = (r: RunRecord | undefined) =>
  r !== undefined &&
  (r.status === 'queued' || r.status === 'uploading' || r.status === 'running');

/** The runs as a table: a row per document, a column per pipeline. */
export function RunsGrid({ model, now, passwordWaits }: RunsGridProps) {
  const { rows, columns, cells } = model;
  const columnBusy = (pipelineId: string) =>
    rows.some((row) =>
      inFlight(cells.get(cellKey(row.documentKey, pipelineId))),
    );
  const rowBusy = (documentKey: string) =>
    columns.some((col) =>
      inFlight(cells.get(cellKey(documentKey, col.pipelineId))),
    );

  return (
    <div className="runs-grid-scroll">
      <table className="runs-grid">
        <caption>Runs</caption>
        <thead>
          <tr>
            <th scope="col">Document</th>
            {columns.map((col) => (
              <th scope="col" key={col.pipelineId}>
                <span className="runs-grid-label">{col.label}</span>
                <button
                  type="button"
                  className="runs-grid-small"
                  aria-label={`Cancel column ${col.label}`}
                  disabled={!columnBusy(col.pipelineId)}
                  onClick={() =>
                    void runsActions.columnCancelled(col.pipelineId)
                  }
                >
                  Cancel column
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.documentKey}>
              <th scope="row">
                <span className="runs-grid-label">{row.documentName}</span>
                <button
                  type="button"
                  className="runs-grid-small"
                  aria-label={`Compare ${row.documentName}`}
                  onClick={() =>
                    compareActions.documentSelected(row.documentKey)
                  }
                >
                  Compare
                </button>
                <button
                  type="button"
                  className="runs-grid-small"
                  aria-label={`Cancel row ${row.documentName}`}
                  disabled={!rowBusy(row.documentKey)}
                  onClick={() => void runsActions.rowCancelled(row.documentKey)}
                >
                  Cancel row
                </button>
              </th>
              {columns.map((col) => (
                <td key={col.pipelineId}>
                  <RunCell
                    record={cells.get(cellKey(row.documentKey, col.pipelineId))}
                    documentKey={row.documentKey}
                    documentName={row.documentName}
                    pipelineId={col.pipelineId}
                    pipelineLabel={col.label}
                    now={now}
                    waitingForPassword={passwordWaits.has(row.documentKey)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
