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

export interface DocumentViewFigures {
  /** Click on the Document tab → first page drawn (both panes mount). */
  firstPageMs: number;
  heapBeforeBytes: number;
  heapAfterBytes: number;
  longTasks: LongTaskFigures;
}

export async function measureDocumentTab(
  page: Page,
): Promise<DocumentViewFigures> {
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
