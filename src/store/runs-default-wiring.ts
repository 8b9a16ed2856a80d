import {
  connectionActions,
  getConnection,
  subscribeConnection,
  subscribeKeyAccepted,
} from './connection-store';
import { getDocumentFile } from './documents-store';
import { DEMO_BASE_URL, getReductoClient } from './reducto-client';
import type { RunsWiring } from './runs-store';

/** The runs queue wired to the app's connection, client and documents. */
export function defaultRunsWiring(): RunsWiring {
  return {
    getClient: getReductoClient,
    getConnection,
    subscribeConnection,
    subscribeKeyAccepted,
    keyRejected: () => connectionActions.keyRejected(),
    getDocumentFile,
    demoBaseUrl: DEMO_BASE_URL,
  };
}
