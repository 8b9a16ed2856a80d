/**
 * Puts finished runs and their results into the app's IndexedDB (schema:
 * src/storage/run-db.ts) with the raw IndexedDB API inside the page, as if
 * the app had made those runs earlier.
 */
import type { Page } from '@playwright/test';
import type { RunRecord, RunResult } from '../../src/storage/run-record';
import { RUN_DB_NAME, RUN_DB_VERSION } from '../../src/storage/run-db';

export async function seedRuns(
  page: Page,
  records: RunRecord[],
  results: RunResult[],
): Promise<void> {
  // One JSON string crosses to the page far faster than Playwright's
  // serialisation of a large object graph (18 MB: ~30 s vs ~1 s).
  const payload = JSON.stringify({ records, results });
  await page.evaluate(
    async ({ name, version, payload }) => {
      const { records, results } = JSON.parse(payload) as {
        records: unknown[];
        results: unknown[];
      };
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name, version);
        // Same stores as openRunDb's upgrade, should the app not have run yet.
        request.onupgradeneeded = () => {
          const d = request.result;
          if (!d.objectStoreNames.contains('runs')) {
            d.createObjectStore('runs', { keyPath: 'id' }).createIndex(
              'documentKey',
              'documentKey',
            );
            d.createObjectStore('results', { keyPath: 'runId' });
            d.createObjectStore('files', { keyPath: 'key' });
            d.createObjectStore('set-aside', { keyPath: 'key' });
          }
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () =>
          reject(request.error ?? new Error('open failed'));
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['runs', 'results'], 'readwrite');
        for (const result of results) tx.objectStore('results').put(result);
        for (const record of records) tx.objectStore('runs').put(record);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('write failed'));
      });
      db.close();
    },
    { name: RUN_DB_NAME, version: RUN_DB_VERSION, payload },
  );
}
