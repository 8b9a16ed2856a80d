import type { RunRecord } from '@/storage/run-record';

export interface FilterOption {
  value: string;
  label: string;
}

/** One option per document (by content hash), named by its latest name. */
export function documentOptions(runs: readonly RunRecord[]): FilterOption[] {
  const byKey = new Map<string, string>();
  for (const r of runs)
    if (!byKey.has(r.documentKey)) byKey.set(r.documentKey, r.documentName);
  const names = [...byKey.values()];
  return [...byKey].map(([key, name]) => ({
    value: key,
    // Two different files with one name: tell them apart by their hash.
    label:
      names.filter((n) => n === name).length > 1
        ? `${name} (${key.slice(0, 8)})`
        : name,
  }));
}

/** One option per pipeline ID, named by its latest label. */
export function pipelineOptions(runs: readonly RunRecord[]): FilterOption[] {
  const byId = new Map<string, string>();
  for (const r of runs)
    if (!byId.has(r.pipelineId)) byId.set(r.pipelineId, r.pipelineLabel);
  const labels = [...byId.values()];
  return [...byId].map(([id, label]) => ({
    value: id,
    label:
      labels.filter((l) => l === label).length > 1 ? `${label} (${id})` : label,
  }));
}

export function filterRuns(
  runs: readonly RunRecord[],
  documentKey: string,
  pipelineId: string,
): RunRecord[] {
  return runs.filter(
    (r) =>
      (documentKey === '' || r.documentKey === documentKey) &&
      (pipelineId === '' || r.pipelineId === pipelineId),
  );
}

/**
 * The panes for comparing from a history row. With a pipeline filter on,
 * the filtered completed runs of that document (the same pipeline over
 * time); otherwise this run and the latest completed run of each other
 * pipeline. At most four, newest first, the chosen run always included.
 */
export function panesFor(
  chosen: RunRecord,
  runsNewestFirst: readonly RunRecord[],
  pipelineFilter: string,
): string[] {
  const sameDoc = runsNewestFirst.filter(
    (r) =>
      r.documentKey === chosen.documentKey &&
      r.status === 'completed' &&
      r.id !== chosen.id,
  );
  const others =
    pipelineFilter !== ''
      ? sameDoc.filter((r) => r.pipelineId === pipelineFilter)
      : sameDoc.filter(
          (r, i) =>
            r.pipelineId !== chosen.pipelineId &&
            sameDoc.findIndex((o) => o.pipelineId === r.pipelineId) === i,
        );
  return [chosen.id, ...others.map((r) => r.id)].slice(0, 4);
}
