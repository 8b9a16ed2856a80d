import { expect, test } from '@playwright/test';
import {
  addDocuments,
  addPipeline,
  connectToEmulator,
  runsTable,
  samplePdfFile,
} from './support/app';
import {
  resetEmulator,
  setEmulatorFaults,
  EMULATOR_KEY,
} from './support/emulator';

test.beforeEach(async ({ request }) => {
  await resetEmulator(request);
});

test('runs documents through two pipelines, keeps results over a reload, and recovers from faults', async ({
  page,
  request,
}) => {
  const thirdPartyRequests: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (
      !['127.0.0.1', 'localhost'].includes(url.hostname) &&
      url.protocol !== 'data:' &&
      url.protocol !== 'blob:'
    ) {
      thirdPartyRequests.push(r.url());
    }
  });

  await page.goto('./');
  await expect(page.getByText(/demo mode/i).first()).toBeVisible();

  await connectToEmulator(page);
  await addPipeline(page, 'demo-lines', 'lines v1');
  await addPipeline(page, 'demo-layout', 'layout v2');

  const { file: sample } = await samplePdfFile('sample.pdf', { pages: 3 });
  const { file: second } = await samplePdfFile('second.pdf', {
    pages: 2,
    title: 'Second Report',
  });
  await addDocuments(page, [sample, second]);

  await page.getByRole('button', { name: /^Run \d+ document/ }).click();
  const table = runsTable(page);
  await expect(
    table.getByRole('columnheader', { name: /lines v1/ }),
  ).toBeVisible();
  await expect(
    table.getByRole('columnheader', { name: /layout v2/ }),
  ).toBeVisible();
  await expect(
    table.getByRole('cell').filter({ hasText: 'Completed' }),
  ).toHaveCount(4, {
    timeout: 45_000,
  });

  // Both columns' results, side by side.
  await page.getByRole('button', { name: 'Compare sample.pdf' }).click();
  const compare = page.getByRole('region', { name: 'Compare' });
  await expect(
    compare.getByRole('region', { name: 'lines v1', exact: true }),
  ).toBeVisible();
  await expect(
    compare.getByRole('region', { name: 'layout v2', exact: true }),
  ).toBeVisible();

  // The key lives in sessionStorage and nowhere else.
  const where = await page.evaluate(async (key) => {
    const inSession = Object.keys(sessionStorage).some((k) =>
      (sessionStorage.getItem(k) ?? '').includes(key),
    );
    const inLocal = Object.keys(localStorage).some(
      (k) => (localStorage.getItem(k) ?? '').includes(key) || k.includes(key),
    );
    const dump: unknown[] = [];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error('open failed'));
      });
      for (const storeName of Array.from(db.objectStoreNames)) {
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(storeName).objectStore(storeName).getAll();
          req.onsuccess = () => resolve(req.result as unknown[]);
          req.onerror = () => reject(req.error ?? new Error('read failed'));
        });
        dump.push(...all);
      }
      db.close();
    }
    return {
      inSession,
      inLocal,
      inIndexedDb: JSON.stringify(dump).includes(key),
      indexedDbRecords: dump.length,
      inUrl: location.href.includes(key),
    };
  }, EMULATOR_KEY);
  expect(where.inSession).toBe(true);
  expect(where.inLocal).toBe(false);
  expect(where.inIndexedDb).toBe(false);
  expect(where.inUrl).toBe(false);
  // Four run records and four results were written: the check saw them.
  expect(where.indexedDbRecords).toBeGreaterThanOrEqual(8);

  // A reload keeps every finished result.
  await page.reload();
  const history = page.getByRole('region', { name: 'History' });
  await expect(history.getByRole('row', { name: /sample\.pdf/ })).toHaveCount(
    2,
  );
  await history
    .getByRole('button', { name: /^Compare lines v1 on sample\.pdf/ })
    .click();
  await expect(
    page
      .getByRole('region', { name: 'Compare' })
      .getByRole('region', { name: 'lines v1', exact: true }),
  ).toBeVisible();

  // Faults: a 429 burst slows the queue down; a failed job is explained.
  await connectToEmulator(page);
  await addDocuments(page, [sample, second]);
  await setEmulatorFaults(request, {
    rateLimitBurst: 4,
    failJobs: [
      {
        pipelineId: 'demo-layout',
        documentName: 'second.pdf',
        reason: 'Simulated OCR failure on page 2',
      },
    ],
  });
  await page.getByRole('button', { name: /^Run \d+ document/ }).click();
  await expect(
    table.getByRole('cell').filter({ hasText: 'Completed' }),
  ).toHaveCount(3, {
    timeout: 45_000,
  });
  const failed = table.getByRole('cell').filter({ hasText: 'Failed' });
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText('Simulated OCR failure on page 2');
  await expect(failed.getByRole('button', { name: /^Retry/ })).toBeVisible();

  expect(thirdPartyRequests).toEqual([]);
});
