import { useId, useMemo, useState } from 'react';
import { compareActions } from '@/store/compare-store';
import { runsActions, useRuns, useRunsHydrated } from '@/store/runs-store';
import type { RunRecord } from '@/storage/run-record';
import {
  documentOptions,
  filterRuns,
  panesFor,
  pipelineOptions,
} from './history-filters';
import { HistoryRow } from './history-row';
import './history.css';

/** Every run this browser made, by document and pipeline. */
export function HistoryPanel() {
  const runs = useRuns();
  const hydrated = useRunsHydrated();
  const [documentKey, setDocumentKey] = useState('');
  const [pipelineId, setPipelineId] = useState('');
  const [notice, setNotice] = useState('');
  const headingId = useId();
  const docs = useMemo(() => documentOptions(runs), [runs]);
  const pipes = useMemo(() => pipelineOptions(runs), [runs]);
  // A filter whose runs were all deleted falls back to "all".
  const docFilter = docs.some((d) => d.value === documentKey)
    ? documentKey
    : '';
  const pipeFilter = pipes.some((p) => p.value === pipelineId)
    ? pipelineId
    : '';
  const shown = useMemo(
    () => filterRuns(runs, docFilter, pipeFilter),
    [runs, docFilter, pipeFilter],
  );

  const compare = (run: RunRecord) => {
    compareActions.documentSelected(run.documentKey);
    compareActions.panesChosen(panesFor(run, runs, pipeFilter));
    setNotice(`Comparing ${run.documentName}.`);
  };
  const remove = (run: RunRecord) => {
    void runsActions.runDeleted(run.id);
    setNotice(`Deleted the ${run.pipelineLabel} run on ${run.documentName}.`);
  };

  return (
    <section aria-labelledby={headingId} className="history-panel">
      <h2 id={headingId}>History</h2>
      <div className="history-filters">
        <label>
          Document
          <select
            value={docFilter}
            onChange={(e) => setDocumentKey(e.target.value)}
          >
            <option value="">All documents</option>
            {docs.map((d) => (
              <option key={d.value} value={d.value}>
                {d.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Pipeline
          <select
            value={pipeFilter}
            onChange={(e) => setPipelineId(e.target.value)}
          >
            <option value="">All pipelines</option>
            {pipes.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p role="status" className="history-notice">
        {notice}
      </p>
      {!hydrated && runs.length === 0 ? (
        <p>Loading the run history…</p>
      ) : shown.length === 0 ? (
        <p>
          {runs.length === 0 ? 'No runs yet.' : 'No runs match these filters.'}
        </p>
      ) : (
        <div className="history-scroll">
          <table className="history-table">
            <caption>
              Run history ({shown.length} of {runs.length})
            </caption>
            <thead>
              <tr>
                <th scope="col">Document</th>
                <th scope="col">Pipeline</th>
                <th scope="col">Status</th>
                <th scope="col">Date</th>
                <th scope="col">Duration</th>
                <th scope="col">Credits</th>
                <th scope="col">API</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((run) => (
                <HistoryRow
                  key={run.id}
                  run={run}
                  onCompare={compare}
                  onDelete={remove}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
