import { useEffect, useId, useRef, useState } from 'react';
import type { PasswordPrompt } from '@/store/runs-store';
import { runsActions } from '@/store/runs-store';

/**
 * Asks for one document's password. The value lives in this component's
 * state until submitted, then goes to the queue for that document's
 * waiting runs only: never stored, never persisted.
 */
export function PasswordDialog({ prompt }: { prompt: PasswordPrompt }) {
  const [password, setPassword] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const messageId = useId();

  // The parent keys this dialog by document and attempt, so a new prompt
  // starts empty; focus goes to the field each time.
  useEffect(() => {
    input.current?.focus();
  }, []);

  const skip = () => void runsActions.passwordSkipped(prompt.documentKey);

  return (
    <div
      role="dialog"
      aria-labelledby={titleId}
      aria-describedby={messageId}
      className="password-dialog"
      onKeyDown={(e) => {
        if (e.key === 'Escape') skip();
      }}
    >
      <h3 id={titleId}>Password for {prompt.documentName}</h3>
      <p id={messageId} role={prompt.retry ? 'alert' : undefined}>
        {prompt.retry
          ? 'That password was not accepted. Try again, or skip this document.'
          : 'This document is password-protected. Its password is used for these runs only and is not saved.'}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (password === '') return;
          const value = password;
          setPassword('');
          void runsActions.passwordProvided(prompt.documentKey, value);
        }}
      >
        <label>
          Document password
          <input
            ref={input}
            type="password"
            autoComplete="off"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <div className="password-dialog-actions">
          <button type="submit" disabled={password === ''}>
            Run with password
          </button>
          <button type="button" onClick={skip}>
            Skip
          </button>
        </div>
      </form>
    </div>
  );
}
