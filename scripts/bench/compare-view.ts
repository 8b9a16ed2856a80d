/**
 * The compare view on the synthetic 500-page pair (25,000 blocks per
 * version, test/fixtures/synthetic-result.ts), in the real app: two runs of
 * one document put into the app's IndexedDB, the page reloaded, the
 * comparison opened from the History like a user would. Measured from the
 * click: first screen (both panes show their first chunk) and diff done
 * (the difference count shown), plus the main-thread long tasks.
 *
 * The document is the 500-page generated PDF (its content hash is the runs'
 * documentKey) and is added through the file picker, so the Document view
 * can then be opened on the same page (document-view.ts).
 */
import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { makeLargeSamplePdf } from '../../test/fixtures/make-pdf';
import { makeSyntheticPipelineResponse } from '../../test/fixtures/synthetic-result';
import type { RunRecord, RunResult } from '../../src/storage/run-record';
import { addDocuments } from './app-driver';
import type { UploadFile } from './app-driver';
import {
  installLongTaskObserver,
  formatTaskList,
  longTasksBetween,
  summariseLongTasks,
} from './long-tasks';
import type { LongTask, LongTaskFigures } from './long-tasks';
import { seedRuns } from './seed-history';

export const PAGES = 500;
export const BLOCKS_PER_PAGE = 50;
export const DOCUMENT_NAME = 'annual-report-500.pdf';
const LABELS = { a: 'Synthetic v1', b: 'Synthetic v2' } as const;
/** Long tasks right after the diff (its rendering) belong to the run too. */
const SETTLE_MS = 1_000;

export interface CompareRun {
  /** Click → both panes show their first chunk. */
  firstScreenMs: number;
  /** Click → the difference count is shown. */
  diffDoneMs: number;
  differencesText: string;
  /** From the click to SETTLE_MS after the diff. */
  longTasks: LongTaskFigures;
  /** Every long task, its start relative to the click. */
  taskList: LongTask[];
  /** Chunks in the DOM of each pane at the first screen (virtualised list). */
  chunksRendered: number[];
}

export interface CompareFigures {
  blocksPerVersion: number;
  runs: CompareRun[];
  /** Medians over the runs. */
  firstScreenMs: number;
  diffDoneMs: number;
  differencesText: string;
  /** The run with the longest task. */
  worstLongTasks: LongTaskFigures;
  /** Reloads and opens the comparison again (for the Document view step). */
  reopen: () => Promise<CompareRun>;
}

function record(
  variant: 'a' | 'b',
  documentKey: string,
  size: number,
  createdAt: number,
): RunRecord {
  return {
    id: `bench-${variant}`,
    documentKey,
    documentName: DOCUMENT_NAME,
    documentSize: size,
    pageCount: PAGES,
    pipelineId: `synthetic-${variant === 'a' ? 'v1' : 'v2'}`,
    pipelineLabel: LABELS[variant],
    baseUrl: 'https://platform.reducto.ai',
    demo: false,
    jobId: `job-${variant}`,
    status: 'completed',
    progress: 1,
    createdAt,
    startedAt: createdAt,
    finishedAt: createdAt + 60_000,
    serverDurationSec: 60,
    numPages: PAGES,
    credits: PAGES * 2,
  };
}

/** Seeds the history with the two runs; returns the PDF to add later. */
async function prepare(
  page: Page,
  appUrl: string,
  log: (line: string) => void,
): Promise<UploadFile> {
  const steps: string[] = [];
  let stepStart = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    steps.push(`${name} ${((now - stepStart) / 1000).toFixed(1)} s`);
    stepStart = now;
  };
  const pdf = await makeLargeSamplePdf(PAGES);
  step('PDF');
  const documentKey = createHash('sha256').update(pdf.bytes).digest('hex');
  const responses = {
    a: makeSyntheticPipelineResponse({
      pages: PAGES,
      blocksPerPage: BLOCKS_PER_PAGE,
      variant: 'a',
    }),
    b: makeSyntheticPipelineResponse({
      pages: PAGES,
      blocksPerPage: BLOCKS_PER_PAGE,
      variant: 'b',
    }),
  };
  step('results');
  const now = Date.now();
  const records = [
    record('a', documentKey, pdf.bytes.length, now - 2 * 3_600_000),
    record('b', documentKey, pdf.bytes.length, now - 3_600_000),
  ];
  const results: RunResult[] = [
    { runId: 'bench-a', response: responses.a },
    { runId: 'bench-b', response: responses.b },
  ];
  await page.goto(appUrl);
  await page.getByRole('heading', { name: 'History' }).waitFor();
  step('app');
  await seedRuns(page, records, results);
  step('IndexedDB');
  const jsonMb = JSON.stringify(responses.a).length / 2 ** 20;
  log(
    `  seeded 2 runs of ${PAGES} pages × ${BLOCKS_PER_PAGE} blocks (${jsonMb.toFixed(1)} MB of JSON per result); setup: ${steps.join(', ')}`,
  );
  return {
    name: DOCUMENT_NAME,
    mimeType: 'application/pdf',
    buffer: Buffer.from(pdf.bytes),
  };
}

interface RawOutcome {
  clickAt: number;
  firstScreenAt: number;
  diffDoneAt: number;
  text: string;
  chunksRendered: number[];
}

/** Reload, add the PDF, click Compare in the History, wait for the diff. */
async function measureOnce(page: Page, pdf: UploadFile): Promise<CompareRun> {
  await page.reload();
  await page.getByText('Run history (2 of 2)').waitFor({ timeout: 30_000 });
  await addDocuments(page, [pdf]);
  await installLongTaskObserver(page);
  // Watchers first (page clock), then the click.
  await page.evaluate(() => {
    type W = Window & { __benchCompare?: Promise<unknown> };
    (window as W).__benchCompare = new Promise((resolve) => {
      let clickAt = -1;
      let firstScreenAt = -1;
      let chunksRendered: number[] = [];
      document.addEventListener(
        'click',
        (event) => {
          const label = (event.target as HTMLElement | null)
            ?.closest('button')
            ?.getAttribute('aria-label');
          if (clickAt < 0 && label?.startsWith('Compare ')) {
            clickAt = performance.now();
          }
        },
        { capture: true },
      );
      const compare = () =>
        document.querySelector<HTMLElement>('section[aria-label="Compare"]');
      const visibleChunk = (panel: Element) => {
        const chunk = panel.querySelector('article[aria-label="Chunk 1"]');
        if (!chunk) return false;
        const box = chunk.getBoundingClientRect();
        return box.height > 0 && (chunk.textContent ?? '').trim() !== '';
      };
      const check = () => {
        const section = compare();
        if (clickAt >= 0 && section) {
          const panels = [...section.querySelectorAll('[role="tabpanel"]')];
          if (
            firstScreenAt < 0 &&
            panels.length >= 2 &&
            panels.every(visibleChunk)
          ) {
            firstScreenAt = performance.now();
            chunksRendered = panels.map(
              (panel) =>
                panel.querySelectorAll('article[aria-label^="Chunk "]').length,
            );
          }
          const status = section.querySelector(
            '[role="group"][aria-label="Differences"] [role="status"]',
          );
          const text = status?.textContent ?? '';
          if (
            firstScreenAt >= 0 &&
            /^\d+ differences$|^No differences/.test(text)
          ) {
            resolve({
              clickAt,
              firstScreenAt,
              diffDoneAt: performance.now(),
              text,
              chunksRendered,
            });
            return;
          }
        }
        requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  });
  await page
    .getByRole('button', {
      name: new RegExp(
        `^Compare ${LABELS.a} on ${DOCUMENT_NAME.replace('.', '\\.')}`,
      ),
    })
    .click();
  const outcome = (await page.evaluate(() =>
    Promise.race([
      (window as Window & { __benchCompare?: Promise<unknown> }).__benchCompare,
      new Promise((resolve) => setTimeout(() => resolve(null), 120_000)),
    ]),
  )) as RawOutcome | null;
  if (!outcome) throw new Error('the compare view did not settle in 120 s');
  await page.waitForTimeout(SETTLE_MS);
  const tasks = await longTasksBetween(
    page,
    outcome.clickAt,
    outcome.diffDoneAt + SETTLE_MS,
  );
  return {
    firstScreenMs: outcome.firstScreenAt - outcome.clickAt,
    diffDoneMs: outcome.diffDoneAt - outcome.clickAt,
    differencesText: outcome.text,
    chunksRendered: outcome.chunksRendered,
    longTasks: summariseLongTasks(tasks),
    taskList: tasks.map((t) => ({
      startTime: t.startTime - outcome.clickAt,
      duration: t.duration,
    })),
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/**
 * Seeds the history, then `repeats` times: reload, add the PDF, open the
 * comparison. Leaves the page on the compare view (Content view) for the
 * Document view step.
 */
export async function measureCompareView(
  page: Page,
  appUrl: string,
  log: (line: string) => void,
  repeats = 5,
): Promise<CompareFigures> {
  const pdf = await prepare(page, appUrl, log);
  const runs: CompareRun[] = [];
  for (let i = 0; i < repeats; i++) {
    const run = await measureOnce(page, pdf);
    runs.push(run);
    log(
      `  run ${i + 1}: first screen ${run.firstScreenMs.toFixed(0)} ms, diff done ${run.diffDoneMs.toFixed(0)} ms; chunks in the DOM per pane ${run.chunksRendered.join('/')}; long tasks ${formatTaskList(run.taskList) || 'none'}`,
    );
  }
  const worst = runs.reduce((a, b) =>
    b.longTasks.longestMs > a.longTasks.longestMs ? b : a,
  );
  return {
    blocksPerVersion: PAGES * BLOCKS_PER_PAGE,
    runs,
    firstScreenMs: median(runs.map((r) => r.firstScreenMs)),
    diffDoneMs: median(runs.map((r) => r.diffDoneMs)),
    differencesText: runs[0]?.differencesText ?? '',
    worstLongTasks: worst.longTasks,
    reopen: () => measureOnce(page, pdf),
  };
}
