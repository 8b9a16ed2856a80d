import { useId, useRef, useState, type KeyboardEvent } from 'react';
import {
  connectionActions,
  useBaseUrl,
  useIsDemo,
} from '@/store/connection-store';
import {
  REGION_OPTIONS,
  presetUrl,
  regionOf,
  type RegionChoice,
} from './regions';

/**
 * The API base URL: a region preset (US, EU, AU) or a custom URL for
 * on-prem deployments, a proxy or the emulator server. A custom URL is
 * applied on Enter or blur if valid; an invalid one is explained and the
 * last valid URL stays in use.
 */
export function BaseUrlField() {
  const baseUrl = useBaseUrl();
  const demo = useIsDemo();
  const [draft, setDraft] = useState(baseUrl);
  const [customChosen, setCustomChosen] = useState(
    regionOf(baseUrl) === 'custom',
  );
  const [error, setError] = useState<string | null>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const regionId = useId();
  const urlId = useId();
  const errorId = useId();

  const region: RegionChoice = customChosen ? 'custom' : regionOf(draft);

  const apply = (value: string) => {
    const result = connectionActions.baseUrlChanged(value);
    if (result.ok) {
      setDraft(result.url);
      setError(null);
    } else {
      setError(result.reason);
    }
  };

  const onRegionChange = (choice: RegionChoice) => {
    if (choice === 'custom') {
      setCustomChosen(true);
      urlRef.current?.focus();
      return;
    }
    setCustomChosen(false);
    apply(presetUrl(choice));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      apply(draft);
    }
  };

  return (
    <div className="field-pair">
      <div className="field">
        <label htmlFor={regionId}>Region</label>
        <select
          id={regionId}
          value={region}
          onChange={(event) =>
            onRegionChange(event.target.value as RegionChoice)
          }
        >
          {REGION_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-grow">
        <label htmlFor={urlId}>API base URL</label>
        <input
          id={urlId}
          ref={urlRef}
          type="url"
          inputMode="url"
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value);
            setCustomChosen(regionOf(event.target.value) === 'custom');
          }}
          onBlur={() => {
            if (draft !== baseUrl) apply(draft);
          }}
          onKeyDown={onKeyDown}
          spellCheck={false}
          autoComplete="url"
          aria-invalid={error !== null || undefined}
          aria-describedby={error ? errorId : undefined}
        />
        {demo && (
          <p className="field-help">
            Used once an API key is set; in demo mode the emulator answers.
          </p>
        )}
        {error && (
          <p id={errorId} className="field-error" role="alert">
            <span aria-hidden="true">✕ </span>
            {error} Still using {baseUrl}.
          </p>
        )}
      </div>
    </div>
  );
}
