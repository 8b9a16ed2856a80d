import {
  useQueueMessage,
  useQueueState,
  useStorageWarning,
} from '@/store/runs-store';

/**
 * Queue-level news: a rejected key is an alert (the queue stopped);
 * slowing down and storage problems are polite status messages.
 */
export function QueueMessages() {
  const state = useQueueState();
  const message = useQueueMessage();
  const storage = useStorageWarning();
  return (
    <>
      <div role="alert" className="queue-alert">
        {state === 'paused-auth' && message ? message : null}
      </div>
      <div role="status" className="queue-status">
        {state !== 'paused-auth' && message ? <p>{message}</p> : null}
        {storage ? <p className="storage-warning">Warning: {storage}</p> : null}
      </div>
    </>
  );
}
