import { useRef, useState } from 'react';
import { pipelinesActions, type SavedPipeline } from '@/store/pipelines-store';
import { PipelineEditForm } from './pipeline-edit-form';

interface PipelineRowProps {
  pipeline: SavedPipeline;
  isFirst: boolean;
  isLast: boolean;
  onRemoved: (label: string) => void;
}

/**
 * One saved pipeline: a checkbox named by its label (include it in the
 * next run), its ID, and edit / remove / move buttons. Demo pipelines are
 * built in: selectable only.
 */
export function PipelineRow({
  pipeline,
  isFirst,
  isLast,
  onRemoved,
}: PipelineRowProps) {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const { id, label } = pipeline;

  if (editing) {
    return (
      <li className="pipeline-row pipeline-row-editing">
        <PipelineEditForm
          pipeline={pipeline}
          onDone={() => {
            setEditing(false);
            // Back to where the person was, once the row is drawn again.
            requestAnimationFrame(() => editButton.current?.focus());
          }}
        />
      </li>
    );
  }

  return (
    <li className="pipeline-row">
      <label className="pipeline-choice">
        <input
          type="checkbox"
          checked={pipeline.selected}
          onChange={(event) =>
            pipelinesActions.selectionToggled(id, event.target.checked)
          }
        />
        <span className="pipeline-label">{label}</span>
      </label>
      <code className="pipeline-id">{id}</code>
      {pipeline.demo ? (
        <span className="badge">Demo</span>
      ) : (
        <div className="button-row pipeline-actions">
          <button
            type="button"
            className="button-icon"
            aria-label={`Move ${label} up`}
            disabled={isFirst}
            onClick={() => pipelinesActions.moved(id, -1)}
          >
            <span aria-hidden="true">↑</span>
          </button>
          <button
            type="button"
            className="button-icon"
            aria-label={`Move ${label} down`}
            disabled={isLast}
            onClick={() => pipelinesActions.moved(id, 1)}
          >
            <span aria-hidden="true">↓</span>
          </button>
          <button
            type="button"
            className="button-quiet"
            ref={editButton}
            aria-label={`Edit ${label}`}
            onClick={() => setEditing(true)}
          >
            Edit
          </button>
          <button
            type="button"
            className="button-quiet button-danger"
            aria-label={`Remove ${label}`}
            onClick={() => {
              pipelinesActions.removed(id);
              onRemoved(label);
            }}
          >
            Remove
          </button>
        </div>
      )}
      {pipeline.description && (
        <p className="pipeline-description">{pipeline.description}</p>
      )}
    </li>
  );
}
