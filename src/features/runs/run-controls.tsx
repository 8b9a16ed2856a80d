import { useId } from 'react';
import { useDocuments } from '@/store/documents-store';
import { useSelectedPipelines } from '@/store/pipelines-store';
import { runsActions } from '@/store/runs-store';

const plural = (n: number, one: string, many: string) =>
  `${n} ${n === 1 ? one : many}`;

/** "Run N documents × M pipelines" and "Cancel all". */
export function RunControls({ anyInFlight }: { anyInFlight: boolean }) {
  const documents = useDocuments();
  const pipelines = useSelectedPipelines();
  const reasonId = useId();
  const reason =
    documents.length === 0 && pipelines.length === 0
      ? 'Add a document and choose a pipeline to run.'
      : documents.length === 0
        ? 'Add a document to run.'
        : pipelines.length === 0
          ? 'Choose at least one pipeline to run.'
          : null;

  return (
    <div className="run-controls">
      <button
        type="button"
        className="run-button"
        disabled={reason !== null}
        aria-describedby={reason ? reasonId : undefined}
        onClick={() =>
          void runsActions.runRequested(
            documents,
            pipelines.map((p) => ({ id: p.id, label: p.label })),
          )
        }
      >
        Run {plural(documents.length, 'document', 'documents')} ×{' '}
        {plural(pipelines.length, 'pipeline', 'pipelines')}
      </button>
      <button
        type="button"
        disabled={!anyInFlight}
        onClick={() => void runsActions.allCancelled()}
      >
        Cancel all
      </button>
      {reason ? (
        <p id={reasonId} className="run-controls-reason">
          {reason}
        </p>
      ) : null}
    </div>
  );
}
