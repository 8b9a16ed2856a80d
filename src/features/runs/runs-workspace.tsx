import { useMemo } from 'react';
import { useDocuments } from '@/store/documents-store';
import { useSelectedPipelines } from '@/store/pipelines-store';
import { usePasswordPrompts, useRuns } from '@/store/runs-store';
import { buildRunsGrid } from './grid-model';
import { PasswordDialog } from './password-dialog';
import { QueueMessages } from './queue-messages';
import { RunControls } from './run-controls';
import { RunsGrid } from './runs-grid';
import { useNow } from './use-now';
import './runs.css';

/** Runs older than this page visit are in the history, not the grid. */
const pageOpenedAt = Date.now();

interface RunsWorkspaceProps {
  /** When this page visit began (tests simulate a reload with it). */
  visibleSince?: number;
}

/** The run action, the queue's messages, the grid and password prompts. */
export function RunsWorkspace({
  visibleSince = pageOpenedAt,
}: RunsWorkspaceProps = {}) {
  const runs = useRuns();
  const documents = useDocuments();
  const pipelines = useSelectedPipelines();
  const prompts = usePasswordPrompts();
  const anyInFlight = runs.some(
    (r) =>
      r.status === 'queued' ||
      r.status === 'uploading' ||
      r.status === 'running',
  );
  const now = useNow(anyInFlight);
  const model = useMemo(
    () => buildRunsGrid(runs, documents, pipelines, visibleSince),
    [runs, documents, pipelines, visibleSince],
  );
  const passwordWaits = useMemo(
    () => new Set(prompts.map((p) => p.documentKey)),
    [prompts],
  );
  const prompt = prompts[0];

  return (
    <section aria-labelledby="runs-heading" className="runs-workspace">
      <h2 id="runs-heading">Run queue</h2>
      <RunControls anyInFlight={anyInFlight} />
      <QueueMessages />
      {prompt ? (
        <PasswordDialog
          key={`${prompt.documentKey}:${String(prompt.retry)}`}
          prompt={prompt}
        />
      ) : null}
      {model.rows.length > 0 && model.columns.length > 0 ? (
        <RunsGrid model={model} now={now} passwordWaits={passwordWaits} />
      ) : (
        <p>Add documents and choose pipelines: each run gets a cell here.</p>
      )}
    </section>
  );
}
