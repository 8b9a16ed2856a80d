import { expect, test } from '@playwright/test';
import {
  serveStatic,
  type StaticServer,
} from '../../scripts/static-server.mjs';
import { addDocuments, runsTable, samplePdfFile } from './support/app';

let server: StaticServer;

test.beforeAll(async () => {
  // A plain file server: no SPA fallback, no rewrites, the app under a
  // sub-path, the way a user hosts dist/ on any web server.
  server = await serveStatic({ root: 'dist', prefix: '/tools/compare/' });
});

test.afterAll(async () => {
  await server.close();
});

test('the built site works from a sub-path of a plain static server and runs a demo job', async ({
  page,
}) => {
  const failedRequests: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failedRequests.push(response.url());
  });
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) {
      cspViolations.push(message.text());
    }
  });

  await page.goto(server.url);
  await expect(page.getByText(/demo mode/i).first()).toBeVisible();

  const { file } = await samplePdfFile('subpath.pdf', { pages: 2 });
  await addDocuments(page, [file]);
  const run = page.getByRole('button', { name: /^Run 1 document/ });
  await expect(run).toBeEnabled();
  await run.click();

  const table = runsTable(page);
  const columns = await table.getByRole('columnheader').count();
  // One "Document" header plus one per demo pipeline chosen by default.
  expect(columns).toBeGreaterThan(1);
  await expect(
    table.getByRole('cell').filter({ hasText: 'Completed' }),
  ).toHaveCount(columns - 1, { timeout: 45_000 });

  expect(failedRequests).toEqual([]);
  expect(cspViolations).toEqual([]);
});
