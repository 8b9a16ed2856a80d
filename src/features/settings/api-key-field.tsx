import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import {
  connectionActions,
  useApiKey,
  useBaseUrl,
  useKeyMessage,
  useKeyStatus,
} from '@/store/connection-store';
import { checkKey } from './check-key';
import { KeyStatusMessage } from './key-status-message';

/**
 * The API key: masked by default, with show/hide and clear. The key is
 * taken (and checked) on Enter or when the field loses focus, not on every
 * keystroke, so a half-typed key is never sent.
 */
export function ApiKeyField() {
  const apiKey = useApiKey();
  const baseUrl = useBaseUrl();
  const status = useKeyStatus();
  const message = useKeyMessage();
  const [draft, setDraft] = useState(apiKey);
  const [visible, setVisible] = useState(false);
  const inputId = useId();
  const statusId = useId();

  // A key that is set but not yet checked (entered just now, restored from
  // this tab's session, or the base URL changed) is checked once.
  useEffect(() => {
    if (apiKey !== '' && status === 'unverified' && message === null) {
      void checkKey(apiKey);
    }
  }, [apiKey, status, message, baseUrl]);

  const commit = () => {
    if (draft.trim() !== apiKey) connectionActions.keyEntered(draft);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    }
  };

  const clear = () => {
    setDraft('');
    connectionActions.keyCleared();
  };

  return (
    <div className="field">
      <label htmlFor={inputId}>API key</label>
      <div className="input-row">
        <input
          id={inputId}
          type={visible ? 'text' : 'password'}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commit}
          onKeyDown={onKeyDown}
          // Keep the key out of password managers (it lives in this tab's
          // sessionStorage only). Chromium ignores autocomplete="off" on a
          // password field, but its password manager does not treat a
          // one-time-code field as a password, so it never offers to save
          // it; the data-* hints ask 1Password, LastPass, Bitwarden and
          // Dashlane to leave it alone. The field is deliberately not in a
          // <form>, so there is no submission to save it on.
          autoComplete="one-time-code"
          data-1p-ignore=""
          data-lpignore="true"
          data-bwignore="true"
          data-form-type="other"
          spellCheck={false}
          placeholder="Leave empty for demo mode"
          aria-describedby={statusId}
          aria-invalid={status === 'rejected' || undefined}
        />
        <button
          type="button"
          className="button-quiet"
          aria-pressed={visible}
          onClick={() => setVisible((v) => !v)}
        >
          {visible ? 'Hide key' : 'Show key'}
        </button>
        <button
          type="button"
          className="button-quiet"
          onClick={clear}
          disabled={draft === '' && apiKey === ''}
        >
          Clear key
        </button>
      </div>
      <p className="field-help">
        Kept in this browser tab only (sessionStorage) and sent only to the API
        base URL.
      </p>
      <KeyStatusMessage
        id={statusId}
        status={status}
        message={message}
        onCheckAgain={() => void checkKey(apiKey)}
      />
    </div>
  );
}
