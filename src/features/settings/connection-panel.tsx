import { Notice } from '@/components/notice';
import {
  connectionActions,
  useConnectionStorageProblem,
  useIsDemo,
} from '@/store/connection-store';
import { ApiKeyField } from './api-key-field';
import { BaseUrlField } from './base-url-field';
import { ConcurrencyField } from './concurrency-field';

/** Key, endpoint and queue settings, plus the demo-mode notice. */
export function ConnectionPanel() {
  const demo = useIsDemo();
  const storageProblem = useConnectionStorageProblem();
  return (
    <section aria-labelledby="connection-heading" className="panel">
      <h2 id="connection-heading">Connection</h2>
      {storageProblem && (
        <Notice
          tone="warning"
          title="Settings"
          role="alert"
          onDismiss={() => connectionActions.storageProblemDismissed()}
        >
          {storageProblem}
        </Notice>
      )}
      {demo && (
        <Notice tone="info" title="Demo mode" role="note">
          No API key is set, so results are simulated by the built-in emulator,
          in this browser. Nothing is sent to Reducto. Enter an API key to run
          your own pipelines.
        </Notice>
      )}
      <ApiKeyField />
      <BaseUrlField />
      <ConcurrencyField />
    </section>
  );
}
