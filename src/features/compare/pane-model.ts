import type { RunRecord, RunStatus } from '@/storage/run-record';
import type { Comparison, NormalizedResult } from '@/results/model';
import { formatDate } from './format';

/** What a pane shows about its run, whatever the run's state. */
export interface PaneInfo {
  runId: string;
  /** Name of the pane: the pipeline label, plus the run date when two panes share it. */
  name: string;
  pipelineLabel: string;
  pipelineId: string;
  status: RunStatus;
  /** Epoch ms the run was created. */
  runDate: number;
  failureMessage: string | null;
  documentName: string;
}

/** A pane with its loaded result (null until loaded, or when not completed). */
export interface PaneData extends PaneInfo {
  /** The normalised result, null when not loaded or not completed. */
  result: NormalizedResult | null;
  /** The response as received, for the JSON view and the JSON export. */
  raw: unknown;
  /** True while the stored result is being read. */
  loading: boolean;
  /** Set when the stored result could not be read. */
  loadError: string | null;
}

/** A pane's comparison against the baseline; 'pending' while it is computed. */
export type PaneComparison = Comparison | 'pending' | null;

/**
 * The runs to show as panes. Chosen run ids win (compare over time: any runs
 * of the document, in the chosen order). Otherwise one pane per pipeline
 * label (also when every chosen run was deleted): its latest completed run, or its latest run when none completed (so
 * a failed or running pipeline still shows its status). Panes keep the order
 * in which the labels were first run.
 */
export function choosePaneRuns(
  runs: readonly RunRecord[],
  paneRunIds: readonly string[],
): RunRecord[] {
  if (paneRunIds.length > 0) {
    const byId = new Map(runs.map((run) => [run.id, run]));
    const chosen = paneRunIds
      .map((id) => byId.get(id))
      .filter((run): run is RunRecord => run !== undefined);
    // Every chosen run deleted: show the default panes, not nothing.
    if (chosen.length > 0) return chosen;
  }
  const chronological = [...runs].sort((a, b) => a.createdAt - b.createdAt);
  const byLabel = new Map<string, RunRecord>();
  for (const run of chronological) {
    const current = byLabel.get(run.pipelineLabel);
    const better =
      current === undefined ||
      run.status === 'completed' ||
      current.status !== 'completed';
    // Map keeps the first insertion position: label order = first run.
    if (better) byLabel.set(run.pipelineLabel, run);
  }
  return [...byLabel.values()];
}

/** Pane names: the label, with the run date when labels repeat. */
export function toPaneInfos(runs: readonly RunRecord[]): PaneInfo[] {
  const labelCounts = new Map<string, number>();
  for (const run of runs) {
    labelCounts.set(
      run.pipelineLabel,
      (labelCounts.get(run.pipelineLabel) ?? 0) + 1,
    );
  }
  const used = new Set<string>();
  return runs.map((run) => {
    const base =
      (labelCounts.get(run.pipelineLabel) ?? 0) > 1
        ? `${run.pipelineLabel} (${formatDate(run.createdAt)})`
        : run.pipelineLabel;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base} #${n}`;
    used.add(name);
    return {
      runId: run.id,
      name,
      pipelineLabel: run.pipelineLabel,
      pipelineId: run.pipelineId,
      status: run.status,
      runDate: run.createdAt,
      failureMessage: run.failure?.message ?? null,
      documentName: run.documentName,
    };
  });
}

/** The baseline pane: the chosen one if it is shown, else the first pane. */
export function resolveBaselineId(
  panes: readonly { runId: string }[],
  chosen: string | null,
): string | null {
  if (chosen !== null && panes.some((pane) => pane.runId === chosen)) {
    return chosen;
  }
  return panes[0]?.runId ?? null;
}
