import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import {
  addDocuments,
  addPipeline,
  connectToEmulator,
  runsTable,
  samplePdfFile,
} from './support/app';
import { EMULATOR_KEY, resetEmulator } from './support/emulator';

test.beforeEach(async ({ request }) => {
  await resetEmulator(request);
});

/** Two emulator pipelines over one generated PDF, then the compare view. */
async function runTwoPipelines(page: Page) {
  const { file, pdf } = await samplePdfFile('report.pdf', { pages: 3 });
  await page.goto('./');
  await connectToEmulator(page);
  await addPipeline(page, 'demo-lines', 'lines v1');
  await addPipeline(page, 'demo-layout', 'layout v2');
  await addDocuments(page, [file]);
  await page.getByRole('button', { name: /^Run 1 document/ }).click();
  await expect(
    runsTable(page).getByRole('cell').filter({ hasText: 'Completed' }),
  ).toHaveCount(2, { timeout: 45_000 });
  await page.getByRole('button', { name: 'Compare report.pdf' }).click();
  const compare = page.getByRole('region', { name: 'Compare' });
  return { compare, pdf };
}

test('lists and marks the differences between two pipelines and exports a report', async ({
  page,
}) => {
  const { compare } = await runTwoPipelines(page);
  const baseline = compare.getByRole('region', {
    name: 'lines v1',
    exact: true,
  });
  const candidate = compare.getByRole('region', {
    name: 'layout v2',
    exact: true,
  });
  await expect(
    baseline.getByText('Baseline', { exact: true }).first(),
  ).toBeVisible();

  // The summary counts the differences, in words.
  await expect(candidate.getByText(/\d+ changed/).first()).toBeVisible();
  await expect(candidate.getByText(/\d+ added/).first()).toBeVisible();

  // Blocks view: each difference marked by a symbol and a word.
  await compare.getByRole('tab', { name: 'Blocks' }).click();
  await expect(candidate.getByText(/retyped/).first()).toBeVisible();
  await expect(candidate.getByText(/added/).first()).toBeVisible();

  // Keyboard: next difference.
  await compare.getByRole('button', { name: 'Next difference' }).click();
  await expect(compare.getByText(/Difference 1 of \d+/)).toBeVisible();
  await page.keyboard.press('n');
  await expect(compare.getByText(/Difference 2 of \d+/)).toBeVisible();

  // The HTML report: both panes, their differences, never the key.
  const download = page.waitForEvent('download');
  await compare.getByRole('button', { name: 'Export report' }).click();
  const report = await readFile(await (await download).path(), 'utf8');
  expect(report).toMatch(/^<!doctype html>/i);
  expect(report).toContain('lines v1');
  expect(report).toContain('layout v2');
  expect(report).toMatch(/changed/);
  expect(report).toMatch(/added/);
  expect(report).toContain('Quarterly Pipeline Report');
  expect(report).not.toContain(EMULATOR_KEY);
  expect(report).not.toMatch(/<script/i);
});

test("draws each version's boxes where the text is and links a selection across panes", async ({
  page,
}, testInfo) => {
  const { compare, pdf } = await runTwoPipelines(page);
  await compare.getByRole('tab', { name: 'Document' }).click();

  const candidate = compare.getByRole('region', {
    name: 'layout v2',
    exact: true,
  });
  const baseline = compare.getByRole('region', {
    name: 'lines v1',
    exact: true,
  });
  const titleBox = candidate.getByRole('button', {
    name: /^Title block on page 1/,
  });
  await expect(titleBox).toBeVisible();

  // The box sits where the generator drew the title (normalised, top-left).
  const truth = pdf.pages[0]!.items.find((item) => item.kind === 'title')!;
  const pageGroup = candidate.getByRole('group', { name: /^Page 1 of 3/ });
  const pageBox = (await pageGroup.boundingBox())!;
  const box = (await titleBox.boundingBox())!;
  const left = (box.x - pageBox.x) / pageBox.width;
  const top = (box.y - pageBox.y) / pageBox.height;
  expect(Math.abs(left - truth.x)).toBeLessThan(0.02);
  expect(Math.abs(top - truth.y)).toBeLessThan(0.02);
  expect(Math.abs(box.width / pageBox.width - truth.width)).toBeLessThan(0.03);

  // Clicking it selects the aligned block in the other pane too.
  await titleBox.click();
  await expect(titleBox).toHaveAttribute('aria-pressed', 'true');
  await expect(
    baseline.getByRole('button', {
      name: /Quarterly Pipeline Report/,
      pressed: true,
    }),
  ).toBeVisible();

  await page.screenshot({
    path: testInfo.outputPath('document-view.png'),
    fullPage: true,
  });

  // The selection holds in the other views: the Blocks rows of both panes
  // (a Title in v2, the Text it was retyped from in v1).
  await compare.getByRole('tab', { name: 'Blocks' }).click();
  for (const pane of [candidate, baseline]) {
    await expect(
      pane.getByRole('button', {
        name: /^Select \w+ block on page 1\b.*: Quarterly Pipeline Report/,
        pressed: true,
      }),
    ).toBeVisible();
  }
});
