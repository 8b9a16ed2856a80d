import type { KeyStatus } from '@/store/connection-store';

interface KeyStatusMessageProps {
  id: string;
  status: KeyStatus;
  message: string | null;
  onCheckAgain: () => void;
}

const SYMBOL: Record<KeyStatus, string> = {
  none: '',
  checking: '…',
  valid: '✓',
  rejected: '✕',
  unverified: '⚠',
};

function text(status: KeyStatus, message: string | null): string {
  switch (status) {
    case 'none':
      return '';
    case 'checking':
      return 'Checking…';
    case 'valid':
      return 'Key accepted';
    case 'rejected':
      return `Key rejected: ${message ?? 'the API refused it.'} Enter a valid key for this base URL.`;
    case 'unverified':
      return message === null
        ? 'Key not checked yet.'
        : `Key not checked: ${message}`;
  }
}

/** The key check's outcome, announced politely as it changes. */
export function KeyStatusMessage({
  id,
  status,
  message,
  onCheckAgain,
}: KeyStatusMessageProps) {
  const canRetry =
    status === 'rejected' || (status === 'unverified' && message !== null);
  return (
    <div className={`key-status key-status-${status}`}>
      <p id={id} role="status" className="key-status-text">
        {status !== 'none' && (
          <span aria-hidden="true" className="key-status-symbol">
            {SYMBOL[status]}{' '}
          </span>
        )}
        {text(status, message)}
      </p>
      {canRetry && (
        <button type="button" className="button-quiet" onClick={onCheckAgain}>
          Check again
        </button>
      )}
    </div>
  );
}
