import { useId, useRef, useState, type FormEvent } from 'react';
import { pipelinesActions } from '@/store/pipelines-store';

interface AddPipelineFormProps {
  onAdded: (label: string) => void;
}

/** Adds a pipeline by ID with an optional label; refusals keep the input. */
export function AddPipelineForm({ onAdded }: AddPipelineFormProps) {
  const [id, setId] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const idRef = useRef<HTMLInputElement>(null);
  const idField = useId();
  const labelField = useId();
  const errorId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = pipelinesActions.added(id, label);
    if (!result.ok) {
      setError(result.reason);
      idRef.current?.focus();
      return;
    }
    onAdded(label.trim() || id.trim());
    setId('');
    setLabel('');
    setError(null);
    idRef.current?.focus();
  };

  return (
    <form className="add-pipeline" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={idField}>Pipeline ID</label>
        <input
          id={idField}
          ref={idRef}
          value={id}
          onChange={(event) => setId(event.target.value)}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={error !== null || undefined}
          aria-describedby={error ? errorId : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={labelField}>Label</label>
        <input
          id={labelField}
          value={label}
          onChange={(event) => setLabel(event.target.value)}
          placeholder="e.g. invoices v3"
          autoComplete="off"
        />
      </div>
      <button type="submit" className="button-primary">
        Add pipeline
      </button>
      {error && (
        <p id={errorId} className="field-error form-error" role="alert">
          <span aria-hidden="true">✕ </span>
          {error}
        </p>
      )}
    </form>
  );
}
