/**
 * Drives the real app the way a user does (labels and roles, as in the
 * end-to-end suite): connection, pipelines, documents, the Run button.
 */
import type { Locator, Page } from '@playwright/test';

export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

const UI_TIMEOUT = 30_000;

/** Region "Custom", the emulator's URL, its key; waits for "Key accepted". */
export async function connect(
  page: Page,
  baseUrl: string,
  apiKey: string,
): Promise<void> {
  await page.getByLabel('Region').selectOption({ label: 'Custom' });
  const url = page.getByLabel('API base URL');
  await url.fill(baseUrl);
  await url.press('Enter');
  const key = page.getByLabel('API key', { exact: true });
  await key.fill(apiKey);
  await key.press('Enter');
  await page.getByText(/key accepted/i).waitFor({ timeout: UI_TIMEOUT });
}

export async function setConcurrency(page: Page, n: number): Promise<void> {
  const field = page.getByLabel('Concurrency');
  await field.fill(String(n));
  await field.blur();
}

export async function addPipeline(
  page: Page,
  id: string,
  label: string,
): Promise<void> {
  await page.getByLabel('Pipeline ID').fill(id);
  await page.getByLabel('Label', { exact: true }).fill(label);
  await page.getByRole('button', { name: 'Add pipeline' }).click();
  const checkbox = page.getByRole('checkbox', { name: label, exact: true });
  await checkbox.waitFor({ timeout: UI_TIMEOUT });
  if (!(await checkbox.isChecked())) await checkbox.check();
}

/** Through the file input labelled "Add documents"; waits until listed. */
export async function addDocuments(
  page: Page,
  files: UploadFile[],
): Promise<void> {
  await page.getByLabel('Add documents').setInputFiles(files);
  const list = page.getByRole('region', { name: 'Documents' });
  for (const file of files) {
    await list
      .getByText(file.name, { exact: true })
      .first()
      .waitFor({ timeout: UI_TIMEOUT });
  }
}

export const runButton = (page: Page) =>
  page.getByRole('button', { name: /^Run \d+ documents? × \d+ pipelines?$/ });

/**
 * Clicks Run and waits until `cells` cells of the table named "Runs" say
 * Completed. Both instants are taken in the page (performance.now): the
 * click as the button's click event fires, the end at the first frame
 * after the DOM shows every cell completed. Fails fast on a Failed cell.
 */
export async function runAndWaitForCompleted(
  page: Page,
  cells: number,
  timeoutMs: number,
  button: Locator = runButton(page),
): Promise<{ wallMs: number }> {
  await page.evaluate((expected) => {
    type BenchWindow = Window & {
      __benchRun?: Promise<{ clickAt: number; doneAt: number } | string>;
    };
    const w = window as BenchWindow;
    w.__benchRun = new Promise((resolve) => {
      let clickAt = -1;
      // A re-run starts from "Completed": it must leave it before it counts.
      let leftCompleted = false;
      document.addEventListener(
        'click',
        (event) => {
          const target = event.target as HTMLElement | null;
          if (
            clickAt < 0 &&
            target?.closest('button')?.textContent?.startsWith('Run ')
          ) {
            clickAt = performance.now();
          }
        },
        { capture: true },
      );
      const table = () =>
        [...document.querySelectorAll('table')].find(
          (t) => t.caption?.textContent?.trim() === 'Runs',
        );
      const check = () => {
        const t = table();
        if (clickAt >= 0 && t) {
          const texts = [...t.querySelectorAll('td')].map(
            (td) => td.textContent ?? '',
          );
          if (texts.some((s) => s.includes('Failed'))) {
            resolve(`a run failed: ${texts.find((s) => s.includes('Failed'))}`);
            return;
          }
          const completed = texts.filter((s) => s.includes('Completed'));
          if (completed.length < expected) leftCompleted = true;
          else if (leftCompleted) {
            resolve({ clickAt, doneAt: performance.now() });
            return;
          }
        }
        requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  }, cells);
  await button.click();
  const outcome = await page.evaluate(
    ([timeout]) =>
      Promise.race([
        (window as Window & { __benchRun?: Promise<unknown> }).__benchRun,
        new Promise((resolve) =>
          setTimeout(
            () => resolve(`not all completed after ${timeout} ms`),
            timeout,
          ),
        ),
      ]),
    [timeoutMs],
  );
  if (
    typeof outcome === 'string' ||
    outcome === null ||
    typeof outcome !== 'object'
  ) {
    throw new Error(String(outcome));
  }
  const { clickAt, doneAt } = outcome as { clickAt: number; doneAt: number };
  return { wallMs: doneAt - clickAt };
}
