import { runsActions } from '@/store/runs-store';
import { creditsText, runElapsedMs, runStatusText } from '@/store/runs-format';
import type { RunRecord } from '@/storage/run-record';
import { formatDuration } from '@/lib/format';

interface RunCellProps {
  record: RunRecord | undefined;
  documentKey: string;
  documentName: string;
  pipelineId: string;
  pipelineLabel: string;
  now: number;
  waitingForPassword: boolean;
}

const statusSymbol: Record<RunRecord['status'], string> = {
  queued: '…',
  uploading: '↑',
  running: '⟳',
  completed: '✓',
  failed: '✗',
  cancelled: '⊘',
};

/** One document × pipeline: status word, time, credits and its actions. */
export function RunCell({
  record,
  documentKey,
  documentName,
  pipelineId,
  pipelineLabel,
  now,
  waitingForPassword,
}: RunCellProps) {
  const on = `${pipelineLabel} on ${documentName}`;
  if (!record) {
    return <span className="run-cell-status">Not run</span>;
  }
  const elapsed = runElapsedMs(record, now);
  const credits = creditsText(record.credits);
  const inFlight =
    record.status === 'queued' ||
    record.status === 'uploading' ||
    record.status === 'running';
  return (
    <div className={`run-cell run-cell-${record.status}`}>
      <span className="run-cell-status">
        {/* The symbol repeats the word for sighted readers; never colour alone. */}
        <span aria-hidden="true">{statusSymbol[record.status]} </span>
        <span>{runStatusText(record)}</span>
        {waitingForPassword && record.status === 'queued' ? (
          <span> (password needed)</span>
        ) : null}
      </span>
      {record.status === 'running' && typeof record.progress === 'number' ? (
        <progress
          max={1}
          value={record.progress}
          aria-label={`Progress of ${on}`}
        />
      ) : null}
      {elapsed !== null || credits ? (
        <span className="run-cell-meta">
          {elapsed !== null ? formatDuration(elapsed) : null}
          {elapsed !== null && credits ? ' · ' : null}
          {credits}
        </span>
      ) : null}
      {record.failure &&
      (record.status === 'failed' || record.status === 'cancelled') ? (
        <span className="run-cell-reason">{record.failure.message}</span>
      ) : null}
      <span className="run-cell-actions">
        {inFlight ? (
          <button
            type="button"
            aria-label={`Cancel ${on}`}
            onClick={() => void runsActions.cellCancelled(record.id)}
          >
            Cancel
          </button>
        ) : null}
        {record.status === 'failed' ? (
          <button
            type="button"
            aria-label={`Retry ${on}`}
            onClick={() => void runsActions.retryRequested(record.id)}
          >
            Retry
          </button>
        ) : null}
        {record.status === 'completed' || record.status === 'cancelled' ? (
          <button
            type="button"
            aria-label={`Run again: ${on}`}
            onClick={() =>
              void runsActions.rerunRequested(documentKey, pipelineId)
            }
          >
            Run again
          </button>
        ) : null}
      </span>
    </div>
  );
}
