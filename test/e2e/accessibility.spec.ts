import { expect, test } from '@playwright/test';
import { seriousAxeViolations } from './support/axe';
import { tabTo } from './support/keyboard';
import { runsTable, samplePdfFile } from './support/app';
import { EMULATOR_KEY, EMULATOR_URL, resetEmulator } from './support/emulator';

test.beforeEach(async ({ request }) => {
  await resetEmulator(request);
});

test('a keyboard-only journey: key, pipeline, file via the picker, run, compare', async ({
  page,
}) => {
  const { file } = await samplePdfFile('keyboard.pdf', { pages: 2 });
  await page.goto('./');

  // Connection: custom base URL and key, by keyboard.
  const region = page.getByLabel('Region');
  await tabTo(page, region);
  await region.selectOption({ label: 'Custom' });
  const baseUrl = page.getByLabel('API base URL');
  await tabTo(page, baseUrl);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(EMULATOR_URL);
  await page.keyboard.press('Enter');

  await page.keyboard.press('Shift+Tab');
  const key = page.getByLabel('API key', { exact: true });
  await key.focus();
  await page.keyboard.type(EMULATOR_KEY);
  await page.keyboard.press('Enter');
  await expect(page.getByText(/key accepted/i)).toBeVisible();

  // A pipeline.
  await tabTo(page, page.getByLabel('Pipeline ID'));
  await page.keyboard.type('demo-layout');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Label', { exact: true })).toBeFocused();
  await page.keyboard.type('layout kb');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('checkbox', { name: 'layout kb' })).toBeChecked();

  // A file through the picker, opened from the keyboard.
  await tabTo(page, page.getByRole('button', { name: /choose files/i }));
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(file);
  await expect(
    page.getByRole('region', { name: 'Documents' }).getByText('keyboard.pdf'),
  ).toBeVisible();

  // Run and compare.
  await tabTo(page, page.getByRole('button', { name: /^Run 1 document/ }));
  await page.keyboard.press('Enter');
  await expect(
    runsTable(page).getByRole('cell').filter({ hasText: 'Completed' }),
  ).toHaveCount(1, { timeout: 45_000 });
  await tabTo(page, page.getByRole('button', { name: 'Compare keyboard.pdf' }));
  await page.keyboard.press('Enter');
  await expect(
    page
      .getByRole('region', { name: 'Compare' })
      .getByRole('region', { name: 'layout kb', exact: true }),
  ).toBeVisible();
});

test('axe finds no serious or critical violation on any screen', async ({
  page,
}) => {
  const { file } = await samplePdfFile('axe.pdf', { pages: 2 });
  await page.goto('./');
  await expect(page.getByText(/demo mode/i).first()).toBeVisible();
  expect(await seriousAxeViolations(page), 'start screen').toEqual([]);

  // Demo mode: a document through the default demo pipelines.
  await page.getByLabel('Add documents').setInputFiles(file);
  await page.getByRole('button', { name: /^Run 1 document/ }).click();
  const table = runsTable(page);
  const pipelines = (await table.getByRole('columnheader').count()) - 1;
  await expect(
    table.getByRole('cell').filter({ hasText: 'Completed' }),
  ).toHaveCount(pipelines, { timeout: 45_000 });
  expect(await seriousAxeViolations(page), 'runs grid').toEqual([]);

  await page.getByRole('button', { name: 'Compare axe.pdf' }).click();
  const compare = page.getByRole('region', { name: 'Compare' });
  for (const view of ['Content', 'Blocks', 'Extract', 'Split', 'JSON']) {
    await compare.getByRole('tab', { name: view }).click();
    await expect(compare.getByRole('tab', { name: view })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(await seriousAxeViolations(page), `${view} view`).toEqual([]);
  }
  await compare.getByRole('tab', { name: 'Document' }).click();
  await expect(
    compare.getByRole('group', { name: /^Page 1 of/ }).first(),
  ).toBeVisible();
  expect(await seriousAxeViolations(page), 'Document view').toEqual([]);

  // A rejected key is a screen of its own.
  await page.getByLabel('API key', { exact: true }).fill('wrong-key');
  await page.getByLabel('API key', { exact: true }).press('Enter');
  expect(await seriousAxeViolations(page), 'key panel').toEqual([]);
});
