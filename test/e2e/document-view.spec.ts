import { expect, test } from '@playwright/test';
import {
  addDocuments,
  addPipeline,
  connectToEmulator,
  runsTable,
  samplePdfFile,
} from './support/app';
import { resetEmulator } from './support/emulator';

test.beforeEach(async ({ request }) => {
  await resetEmulator(request);
});

test('draws each version’s blocks where the text is and links a selection across panes', async ({
  page,
}, testInfo) => {
  await page.goto('./');
  await connectToEmulator(page);
  await addPipeline(page, 'demo-lines', 'lines v1');
  await addPipeline(page, 'demo-layout', 'layout v2');
  const { file, pdf } = await samplePdfFile('sample.pdf', { pages: 3 });
  await addDocuments(page, [file]);
  await page.getByRole('button', { name: /^Run \d+ document/ }).click();
  await expect(
    runsTable(page).getByRole('cell').filter({ hasText: 'Completed' }),
  ).toHaveCount(2, { timeout: 45_000 });

  await page.getByRole('button', { name: 'Compare sample.pdf' }).click();
  await page.getByRole('tab', { name: 'Document' }).click();
  const baseline = page.getByRole('region', { name: 'Document: lines v1' });
  const candidate = page.getByRole('region', { name: 'Document: layout v2' });

  // The PDF itself is drawn (the view marks its first rendered page).
  await page.waitForFunction(
    () =>
      performance.getEntriesByName('document-view:first-page', 'mark').length >=
      2,
  );

  // The title's box sits where make-pdf drew the title.
  const title = pdf.pages[0]?.items.find((item) => item.kind === 'title');
  expect(title).toBeDefined();
  const { text, x, y, width } = title as NonNullable<typeof title>;
  const pageBox = await candidate
    .getByRole('group', { name: /^Page 1 of 3$/ })
    .boundingBox();
  const titleButton = candidate.getByRole('button', {
    name: new RegExp(`page 1.*${text}`),
  });
  const titleBox = await titleButton.boundingBox();
  expect(pageBox).not.toBeNull();
  expect(titleBox).not.toBeNull();
  const onPage = pageBox as NonNullable<typeof pageBox>;
  const box = titleBox as NonNullable<typeof titleBox>;
  expect((box.x - onPage.x) / onPage.width).toBeCloseTo(x, 1);
  expect((box.y - onPage.y) / onPage.height).toBeCloseTo(y, 1);
  expect(box.width / onPage.width).toBeCloseTo(width, 1);

  // Clicking it in one pane highlights the same block in the other.
  await titleButton.click();
  await expect(titleButton).toHaveAttribute('aria-pressed', 'true');
  await expect(
    baseline.getByRole('button', {
      name: new RegExp(`page 1.*${text}`),
    }),
  ).toHaveAttribute('aria-pressed', 'true');

  await page.screenshot({
    path: testInfo.outputPath('document-view.png'),
    fullPage: true,
  });
});
