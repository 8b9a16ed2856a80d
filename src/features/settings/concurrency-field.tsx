import { useId, useState } from 'react';
import {
  MAX_CONCURRENCY,
  MIN_CONCURRENCY,
  connectionActions,
  useConcurrency,
} from '@/store/connection-store';

const parse = (text: string): number | null => {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= MIN_CONCURRENCY && n <= MAX_CONCURRENCY ? n : null;
};

/** How many jobs the queue runs at once (1..16). */
export function ConcurrencyField() {
  const concurrency = useConcurrency();
  const [draft, setDraft] = useState(String(concurrency));
  const inputId = useId();
  const helpId = useId();
  const errorId = useId();
  const invalid = parse(draft) === null;

  return (
    <div className="field field-narrow">
      <label htmlFor={inputId}>Concurrency</label>
      <input
        id={inputId}
        type="number"
        min={MIN_CONCURRENCY}
        max={MAX_CONCURRENCY}
        step={1}
        value={draft}
        onChange={(event) => {
          setDraft(event.target.value);
          const n = parse(event.target.value);
          if (n !== null) connectionActions.concurrencyChanged(n);
        }}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${errorId} ${helpId}` : helpId}
      />
      <p id={helpId} className="field-help">
        Jobs running at once.
      </p>
      {invalid && (
        <p id={errorId} className="field-error" role="alert">
          <span aria-hidden="true">✕ </span>
          Enter a whole number from {MIN_CONCURRENCY} to {MAX_CONCURRENCY}.
          Still using {concurrency}.
        </p>
      )}
    </div>
  );
}
