import { describeError, errorKind } from '@/api';
import { connectionActions } from '@/store/connection-store';
import { getKeyCheckClient } from '@/store/reducto-client';

/** What to do when the API cannot be reached at all. */
export const CONNECTION_HELP =
  'Check the API base URL and region, your network connection, and whether this site may call the API from the browser (CORS); a proxy you run can help (see the README).';

let inFlight: AbortController | null = null;

/**
 * Checks a key against the API with the cheapest authenticated call and
 * records the verdict in the connection store. A newer check cancels an
 * older one; the store ignores verdicts about a key no longer current.
 */
export async function checkKey(key: string): Promise<void> {
  inFlight?.abort();
  const controller = new AbortController();
  inFlight = controller;
  connectionActions.keyCheckStarted(key);
  try {
    const client = await getKeyCheckClient();
    await client.checkKey({ signal: controller.signal });
    connectionActions.keyAccepted(key);
  } catch (error) {
    if (controller.signal.aborted) return;
    const kind = errorKind(error);
    if (kind === 'authentication') {
      connectionActions.keyRejected({ message: describeError(error), key });
    } else if (kind === 'connection' || kind === 'timeout') {
      connectionActions.keyUnverified(
        `${describeError(error)} ${CONNECTION_HELP}`,
        key,
      );
    } else {
      connectionActions.keyUnverified(describeError(error), key);
    }
  } finally {
    if (inFlight === controller) inFlight = null;
  }
}
