import { expect, type Page } from '@playwright/test';
import { makeSamplePdf, type SamplePdf } from '../../fixtures/make-pdf';
import { EMULATOR_KEY, EMULATOR_URL } from './emulator';

export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** A generated multi-page PDF as a file for `setInputFiles`, with its truth. */
export async function samplePdfFile(
  name = 'sample.pdf',
  options: Parameters<typeof makeSamplePdf>[0] = {},
): Promise<{ file: UploadFile; pdf: SamplePdf }> {
  const pdf = await makeSamplePdf(options);
  return {
    pdf,
    file: { name, mimeType: 'application/pdf', buffer: Buffer.from(pdf.bytes) },
  };
}

/** Points the app at the emulator server and enters its key. */
export async function connectToEmulator(page: Page): Promise<void> {
  await page.getByLabel('Region').selectOption({ label: 'Custom' });
  const baseUrl = page.getByLabel('API base URL');
  await baseUrl.fill(EMULATOR_URL);
  await baseUrl.press('Enter');
  const key = page.getByLabel('API key', { exact: true });
  await key.fill(EMULATOR_KEY);
  await key.press('Enter');
  await expect(page.getByText(/key accepted/i)).toBeVisible();
}

export async function addPipeline(
  page: Page,
  id: string,
  label: string,
): Promise<void> {
  await page.getByLabel('Pipeline ID').fill(id);
  await page.getByLabel('Label', { exact: true }).fill(label);
  await page.getByRole('button', { name: 'Add pipeline' }).click();
  await expect(page.getByRole('checkbox', { name: label })).toBeChecked();
}

export async function addDocuments(
  page: Page,
  files: UploadFile[],
): Promise<void> {
  await page.getByLabel('Add documents').setInputFiles(files);
  for (const file of files) {
    await expect(
      page.getByRole('region', { name: 'Documents' }).getByText(file.name),
    ).toBeVisible();
  }
}

export function runsTable(page: Page) {
  return page.getByRole('table', { name: 'Runs' });
}
