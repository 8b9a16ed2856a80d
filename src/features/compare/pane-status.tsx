import type { PaneData } from './pane-model';

/** What a pane shows instead of a result: its run's state, in words. */
export function PaneStatus({ pane }: { pane: PaneData }) {
  switch (pane.status) {
    case 'failed':
      return (
        <p role="status">
          Failed{pane.failureMessage ? `: ${pane.failureMessage}` : '.'}
        </p>
      );
    case 'cancelled':
      return <p role="status">Cancelled: this run has no result.</p>;
    case 'queued':
      return <p role="status">Queued: the result will appear here.</p>;
    case 'uploading':
      return <p role="status">Uploading the document…</p>;
    case 'running':
      return <p role="status">Running: the result will appear here.</p>;
    case 'completed':
      if (pane.loadError) return <p role="alert">{pane.loadError}</p>;
      return <p role="status">Loading the result…</p>;
  }
}
