/**
 * Wires the runs store to a fake API and the real connection store, for
 * the store and feature tests. Test support only; the app never imports it.
 */
import { createReductoClient } from '@/api';
import { openRunDb } from '@/storage/run-db';
import {
  apiKeyFor,
  connectionActions,
  getConnection,
  subscribeConnection,
  subscribeKeyAccepted,
} from './connection-store';
import { getDocumentFile, resetDocumentsStore } from './documents-store';
import { getSavedPipelines, pipelinesActions } from './pipelines-store';
import { hydrateRuns, runsSetup, type RunDocument } from './runs-store';
import { createFakeApi, type FakeApiOptions } from './runs-test-api';

export const TEST_BASE_URL = 'https://api.reducto.test';
export const TEST_DEMO_BASE_URL = 'https://demo.reducto.test';

let dbCounter = 0;

export interface HarnessOptions extends FakeApiOptions {
  concurrency?: number;
  apiKey?: string;
  /** Reuse a database (a "reload" keeps IndexedDB). */
  dbName?: string;
  openDb?: () => Promise<never>;
  /** Another API behind the client (e.g. the emulator) instead of the fake. */
  fetch?: typeof fetch;
}

export function makeDocument(
  name: string,
  text = name,
): RunDocument & { file: File } {
  const file = new File([`%PDF-1.4 ${text}`], name, {
    type: 'application/pdf',
  });
  return { key: `sha-${text}`, name, size: file.size, pageCount: 2, file };
}

/** Empties the documents and saved pipelines the UI tests add. */
export function resetAppStores() {
  resetDocumentsStore();
  for (const p of getSavedPipelines()) pipelinesActions.removed(p.id);
}

export function setupRunsHarness(options: HarnessOptions = {}) {
  resetAppStores();
  const api = createFakeApi(options);
  const files = new Map<string, File>();
  const keyRejected = { calls: 0 };
  const dbName = options.dbName ?? `runs-test-${Date.now()}-${dbCounter++}`;

  connectionActions.baseUrlChanged(TEST_BASE_URL);
  connectionActions.concurrencyChanged(options.concurrency ?? 4);
  connectionActions.keyEntered(options.apiKey ?? 'good-key');

  runsSetup.unconfigure();
  runsSetup.configure({
    getClient: () => {
      const { demo, baseUrl } = getConnection();
      return Promise.resolve(
        createReductoClient({
          baseUrl: demo ? TEST_DEMO_BASE_URL : baseUrl,
          // As the app's client: the key only while the URL is selected.
          getApiKey: () => (demo ? 'good-key' : apiKeyFor(baseUrl)),
          fetch: options.fetch ?? api.fetch,
          maxRetries: 0,
          pollInitialMs: 5,
          pollMaxMs: 10,
        }),
      );
    },
    getConnection,
    subscribeConnection,
    subscribeKeyAccepted,
    keyRejected: () => {
      keyRejected.calls += 1;
      connectionActions.keyRejected();
    },
    getDocumentFile: (key) => files.get(key) ?? getDocumentFile(key),
    demoBaseUrl: TEST_DEMO_BASE_URL,
    openDb: options.openDb ?? (() => openRunDb(dbName)),
  });

  return {
    api,
    files,
    keyRejected,
    dbName,
    addDocument(name: string, text = name) {
      const doc = makeDocument(name, text);
      files.set(doc.key, doc.file);
      return doc;
    },
    /** Forgets memory (store, queue, files) but keeps IndexedDB and the API. */
    async reload() {
      runsSetup.reset();
      files.clear();
      resetDocumentsStore();
      await hydrateRuns();
    },
  };
}
