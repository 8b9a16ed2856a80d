import type { ReactNode } from 'react';

export type NoticeTone = 'info' | 'success' | 'warning' | 'error';

interface NoticeProps {
  tone: NoticeTone;
  children: ReactNode;
  /** Shown as a bold lead-in, e.g. "Demo mode". */
  title?: string;
  /** Adds a "Dismiss" button. */
  onDismiss?: () => void;
  /** Overrides the role (errors are alerts, others plain text by default). */
  role?: 'alert' | 'status' | 'note';
}

/** The symbol that goes with a tone, so tone is never told by colour alone. */
const SYMBOL: Record<NoticeTone, string> = {
  info: 'ℹ',
  success: '✓',
  warning: '⚠',
  error: '✕',
};

/**
 * A message box: demo mode, storage problems, refused input. Errors are
 * `role="alert"` so screen readers announce them when they appear.
 */
export function Notice({
  tone,
  children,
  title,
  onDismiss,
  role,
}: NoticeProps) {
  const resolvedRole = role ?? (tone === 'error' ? 'alert' : undefined);
  return (
    <div className={`notice notice-${tone}`} role={resolvedRole}>
      <span className="notice-symbol" aria-hidden="true">
        {SYMBOL[tone]}
      </span>
      <div className="notice-body">
        {title && <strong className="notice-title">{title}: </strong>}
        {children}
      </div>
      {onDismiss && (
        <button type="button" className="button-quiet" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
