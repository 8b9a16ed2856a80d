import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { pipelinesActions, type SavedPipeline } from '@/store/pipelines-store';

interface PipelineEditFormProps {
  pipeline: SavedPipeline;
  onDone: () => void;
}

/** Inline edit of one saved pipeline's ID and label (Save / Cancel). */
export function PipelineEditForm({ pipeline, onDone }: PipelineEditFormProps) {
  const [id, setId] = useState(pipeline.id);
  const [label, setLabel] = useState(pipeline.label);
  const [error, setError] = useState<string | null>(null);
  const idField = useId();
  const labelField = useId();
  const errorId = useId();

  const save = (event: FormEvent) => {
    event.preventDefault();
    const result = pipelinesActions.edited(pipeline.id, { id, label });
    if (result.ok) onDone();
    else setError(result.reason);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onDone();
  };

  return (
    <form
      className="pipeline-edit"
      onSubmit={save}
      onKeyDown={onKeyDown}
      aria-label={`Edit ${pipeline.label}`}
      noValidate
    >
      <div className="field">
        <label htmlFor={idField}>Edited pipeline ID</label>
        <input
          id={idField}
          value={id}
          onChange={(event) => setId(event.target.value)}
          spellCheck={false}
          autoComplete="off"
          // Focus follows the Edit click into the form.
          autoFocus
          aria-invalid={error !== null || undefined}
          aria-describedby={error ? errorId : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={labelField}>Edited label</label>
        <input
          id={labelField}
          value={label}
          onChange={(event) => setLabel(event.target.value)}
          autoComplete="off"
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button-primary">
          Save
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          <span aria-hidden="true">✕ </span>
          {error}
        </p>
      )}
    </form>
  );
}
