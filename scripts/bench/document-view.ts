/**
 * The Document view in the real app: on the compare view left open by
 * compare-view.ts (500-page PDF, 25,000 synthetic blocks per pane), click
 * the Document tab and time it to the first drawn page, with the JS heap
 * before and after (scripts/bench-document.ts does the measuring). Also
 * checks that the initial bundle excludes pdf.js.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  initialBundleExcludesPdfjs,
  measureDocumentViewOpen,
  measureJsHeap,
} from '../bench-document';
import { measureBundle } from './bundle-size';
import {
  installLongTaskObserver,
  longTasksBetween,
  summariseLongTasks,
} from './long-tasks';
import type { LongTaskFigures } from './long-tasks';

export interface DocumentViewRun {
  /** Click on the Document tab → first page drawn (both panes mount). */
  firstPageMs: number;
  heapBeforeBytes: number;
  heapAfterBytes: number;
  longTasks: LongTaskFigures;
}

export interface DocumentViewFigures {
  runs: DocumentViewRun[];
  /** Median over the runs. */
  firstPageMs: number;
  /** The last run's heap figures. */
  heapBeforeBytes: number;
  heapAfterBytes: number;
  /** The run with the longest task. */
  worstLongTasks: LongTaskFigures;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/**
 * `repeats` openings of the Document tab, each on a freshly reloaded and
 * reopened comparison (`reopen`, skipped for the first: the page is there).
 */
export async function measureDocumentView(
  page: Page,
  reopen: () => Promise<unknown>,
  repeats = 3,
  log: (line: string) => void = () => undefined,
): Promise<DocumentViewFigures> {
  const runs: DocumentViewRun[] = [];
  for (let i = 0; i < repeats; i++) {
    if (i > 0) await reopen();
    const run = await measureDocumentTab(page);
    runs.push(run);
    log(
      `  run ${i + 1}: first page ${run.firstPageMs.toFixed(0)} ms; longest task ${run.longTasks.longestMs.toFixed(0)} ms`,
    );
  }
  const last = runs[runs.length - 1];
  if (!last) throw new Error('no run');
  const worst = runs.reduce((a, b) =>
    b.longTasks.longestMs > a.longTasks.longestMs ? b : a,
  );
  return {
    runs,
    firstPageMs: median(runs.map((r) => r.firstPageMs)),
    heapBeforeBytes: last.heapBeforeBytes,
    heapAfterBytes: last.heapAfterBytes,
    worstLongTasks: worst.longTasks,
  };
}

/** Click on the Document tab → first page drawn; heap before and after. */
export async function measureDocumentTab(page: Page): Promise<DocumentViewRun> {
  await installLongTaskObserver(page);
  const heapBeforeBytes = await measureJsHeap(page);
  const from = await page.evaluate(() => performance.now());
  const firstPageMs = await measureDocumentViewOpen(page, () =>
    page.getByRole('tab', { name: 'Document' }).click(),
  );
  // Let the visible pages finish (the second pane, thumbnails) before the heap.
  await page.waitForTimeout(1_000);
  const to = await page.evaluate(() => performance.now());
  const heapAfterBytes = await measureJsHeap(page);
  return {
    firstPageMs,
    heapBeforeBytes,
    heapAfterBytes,
    longTasks: summariseLongTasks(await longTasksBetween(page, from, to)),
  };
}

export interface PdfjsBundleCheck {
  excluded: boolean;
  /** Markers found per initial file (empty when excluded). */
  foundIn: string[];
  /** Lazy files with the markers: proves the check can see pdf.js at all. */
  lazyFilesWithPdfjs: string[];
}

const PDFJS_MARKERS = ['GlobalWorkerOptions', 'pdfjs-dist', 'PDFWorker'];

/**
 * pdf.js in the initial files? By its version string (bench-document.ts)
 * and by names pdf.js code keeps after minifying.
 */
export function checkPdfjsExcluded(distDir = 'dist'): PdfjsBundleCheck {
  const byVersion = initialBundleExcludesPdfjs(distDir);
  const { initialFiles, lazyChunks } = measureBundle(distDir);
  const has = (file: string) => {
    const text = readFileSync(join(distDir, file), 'utf8');
    return PDFJS_MARKERS.some((marker) => text.includes(marker));
  };
  const foundIn = initialFiles.filter(has);
  return {
    excluded: byVersion.excluded && foundIn.length === 0,
    foundIn,
    lazyFilesWithPdfjs: lazyChunks.map((c) => c.file).filter(has),
  };
}
