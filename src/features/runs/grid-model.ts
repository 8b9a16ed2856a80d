import type { RunRecord } from '@/storage/run-record';

export interface GridRow {
  documentKey: string;
  documentName: string;
}

export interface GridColumn {
  pipelineId: string;
  label: string;
}

export interface RunsGridModel {
  rows: GridRow[];
  columns: GridColumn[];
  /** The newest run of each document × pipeline, keyed `${doc}\n${pipe}`. */
  cells: Map<string, RunRecord>;
}

export const cellKey = (documentKey: string, pipelineId: string) =>
  `${documentKey}\n${pipelineId}`;

const inFlight = (r: RunRecord) =>
  r.status === 'queued' || r.status === 'uploading' || r.status === 'running';

/**
 * Rows: the listed documents, then documents with runs from this page
 * visit, from the newest run request, or still in flight (e.g. a job
 * polled again after a reload).
 * Columns: the chosen pipelines, then pipelines of those runs. Older runs
 * of other documents stay in the history.
 */
export function buildRunsGrid(
  runsNewestFirst: readonly RunRecord[],
  documents: readonly { key: string; name: string }[],
  pipelines: readonly { id: string; label: string }[],
  visibleSince: number,
): RunsGridModel {
  const rows = new Map<string, GridRow>();
  for (const d of documents) {
    rows.set(d.key, { documentKey: d.key, documentName: d.name });
  }
  const columns = new Map<string, GridColumn>();
  for (const p of pipelines) {
    columns.set(p.id, { pipelineId: p.id, label: p.label });
  }
  // The newest request stays on the grid after a reload, so its finished
  // results are there at a glance.
  const newestBatch = runsNewestFirst[0]?.batchId;
  const recent = runsNewestFirst.filter(
    (r) =>
      inFlight(r) ||
      r.createdAt >= visibleSince ||
      (newestBatch !== undefined && r.batchId === newestBatch),
  );
  // Oldest first, so rows and columns appear in the order they were run.
  for (const r of [...recent].reverse()) {
    if (!rows.has(r.documentKey)) {
      rows.set(r.documentKey, {
        documentKey: r.documentKey,
        documentName: r.documentName,
      });
    }
    if (!columns.has(r.pipelineId)) {
      columns.set(r.pipelineId, {
        pipelineId: r.pipelineId,
        label: r.pipelineLabel,
      });
    }
  }
  const cells = new Map<string, RunRecord>();
  for (const r of runsNewestFirst) {
    const key = cellKey(r.documentKey, r.pipelineId);
    if (!cells.has(key)) cells.set(key, r);
  }
  return { rows: [...rows.values()], columns: [...columns.values()], cells };
}
