import { useEffect, useRef, useState } from 'react';
import { formatDuration } from '@/lib/format';
import { creditsText, runApiText, runStatusText } from '@/store/runs-format';
import type { RunRecord } from '@/storage/run-record';

interface HistoryRowProps {
  run: RunRecord;
  onCompare: (run: RunRecord) => void;
  onDelete: (run: RunRecord) => void;
}

const dateText = (ms: number) => new Date(ms).toLocaleString();

/** One past run: what, when, how long, what it cost, and its actions. */
export function HistoryRow({ run, onCompare, onDelete }: HistoryRowProps) {
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const when = dateText(run.createdAt);
  const what = `${run.pipelineLabel} on ${run.documentName}, ${when}`;
  const duration =
    run.startedAt !== undefined && run.finishedAt !== undefined
      ? formatDuration(run.finishedAt - run.startedAt)
      : '—';

  // Focus follows the question: to "Delete" when asked, back when kept.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (wasConfirming.current) deleteButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  return (
    <tr>
      <th scope="row">{run.documentName}</th>
      <td>{run.pipelineLabel}</td>
      <td>
        {runStatusText(run)}
        {run.failure ? (
          <span className="history-reason">: {run.failure.message}</span>
        ) : null}
      </td>
      <td>
        <time dateTime={new Date(run.createdAt).toISOString()}>{when}</time>
      </td>
      <td>{duration}</td>
      <td>{creditsText(run.credits) ?? '—'}</td>
      <td>{runApiText(run)}</td>
      <td>
        {confirming ? (
          <span role="group" aria-label={`Confirm deleting ${what}`}>
            Delete this run and its result?{' '}
            <button
              ref={confirmButton}
              type="button"
              aria-label={`Delete ${what} for good`}
              onClick={() => onDelete(run)}
            >
              Delete
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </span>
        ) : (
          <>
            <button
              type="button"
              aria-label={`Compare ${what}`}
              onClick={() => onCompare(run)}
            >
              Compare
            </button>{' '}
            <button
              ref={deleteButton}
              type="button"
              aria-label={`Delete run ${what}`}
              onClick={() => setConfirming(true)}
            >
              Delete run
            </button>
          </>
        )}
      </td>
    </tr>
  );
}
