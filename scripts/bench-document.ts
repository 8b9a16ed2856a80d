/**
 * Benchmark of the Document view with a long PDF (default 500 pages), in
 * headless Chromium: time to the first rendered page and the JS heap after.
 *
 * Standalone:  npx tsx scripts/bench-document.ts [--pages 500] [--screenshot out.png]
 *   builds src/features/compare/document-view/bench-harness/ (the view alone: baseline + candidate
 *   panes, results made from the generated PDF's known layout), serves it on
 *   127.0.0.1, opens it in the system Chromium and prints the figures. With a
 *   built app in dist/ it also checks that the initial bundle has no pdf.js.
 *
 * From another bench (the app driven with Playwright):
 *   const ms = await measureDocumentViewOpen(page, () =>
 *     page.getByRole('tab', { name: 'Document' }).click());
 *   const heap = await measureJsHeap(page);
 * The view marks `document-view:first-page` (performance.mark) when its
 * first page is drawn; that mark is what is waited for.
 */
import {
  mkdtempSync,
  rmSync,
  writeFileSync,
  existsSync,
  readFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { makeLargeSamplePdf } from '../test/fixtures/make-pdf';
import type { SamplePdf, SampleItemKind } from '../test/fixtures/make-pdf';
import { measureBundle } from './bench/bundle-size';

export const FIRST_PAGE_MARK = 'document-view:first-page';
export const MOUNTED_MARK = 'document-view:mounted';

export interface DocumentBenchFigures {
  pages: number;
  /** From navigation start to the first page drawn (ms). */
  firstPageMs: number;
  /** From the view's mount to its first page drawn: pdf.js load, PDF open, render (ms). */
  mountToFirstPageMs: number;
  /** JS heap in use after a forced garbage collection (bytes). */
  jsHeapUsedBytes: number;
}

/**
 * Loads `url` (a page that shows the Document view) and measures from the
 * navigation start to the first page drawn, then the heap.
 */
export async function measureDocumentView(
  page: Page,
  url: string,
  { timeoutMs = 60_000 } = {},
): Promise<Omit<DocumentBenchFigures, 'pages'>> {
  await page.goto(url);
  const firstPageMs = await waitForFirstPage(page, 0, timeoutMs);
  const mountedAt = await page.evaluate(
    (name) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? 0,
    MOUNTED_MARK,
  );
  return {
    firstPageMs,
    mountToFirstPageMs: firstPageMs - mountedAt,
    jsHeapUsedBytes: await measureJsHeap(page),
  };
}

/**
 * Runs `open` (e.g. a click on the Document tab) and measures the time from
 * just before it to the first page drawn after it.
 */
export async function measureDocumentViewOpen(
  page: Page,
  open: () => Promise<unknown>,
  { timeoutMs = 60_000 } = {},
): Promise<number> {
  const start = await page.evaluate(() => performance.now());
  await open();
  return (await waitForFirstPage(page, start, timeoutMs)) - start;
}

async function waitForFirstPage(
  page: Page,
  after: number,
  timeoutMs: number,
): Promise<number> {
  const handle = await page.waitForFunction(
    ({ name, after }) =>
      performance
        .getEntriesByName(name, 'mark')
        .find((entry) => entry.startTime >= after)?.startTime ?? false,
    { name: FIRST_PAGE_MARK, after },
    { timeout: timeoutMs, polling: 50 },
  );
  return (await handle.jsonValue()) as number;
}

/** JS heap in use after a garbage collection, through the DevTools protocol. */
export async function measureJsHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  } finally {
    await cdp.detach();
  }
}

/**
 * True when no file of the app's initial bundle (entry + modulepreloads in
 * dist/index.html) contains pdf.js, recognised by its version string.
 */
export function initialBundleExcludesPdfjs(distDir = 'dist'): {
  excluded: boolean;
  initialFiles: string[];
} {
  const version = (
    JSON.parse(
      readFileSync('node_modules/pdfjs-dist/package.json', 'utf8'),
    ) as { version: string }
  ).version;
  const { initialFiles } = measureBundle(distDir);
  const excluded = initialFiles.every(
    (file) => !readFileSync(join(distDir, file), 'utf8').includes(version),
  );
  return { excluded, initialFiles };
}

// ------------------------------------------------------------ standalone mode

const BLOCK_TYPES: Record<SampleItemKind, string> = {
  title: 'Title',
  heading: 'Section Header',
  paragraph: 'Text',
  header: 'Header',
  footer: 'Footer',
  'page-number': 'Page Number',
};

interface RawBlock {
  type: string;
  content: string;
  confidence: 'high' | 'low';
  bbox: {
    left: number;
    top: number;
    width: number;
    height: number;
    page: number;
  };
}

/** Blocks where the PDF's text really is: one per logical block of a page. */
export function blocksFromSample(pdf: SamplePdf): RawBlock[] {
  const blocks: RawBlock[] = [];
  for (const { page, items } of pdf.pages) {
    const groups = new Map<number, typeof items>();
    for (const item of items) {
      groups.set(item.block, [...(groups.get(item.block) ?? []), item]);
    }
    for (const group of groups.values()) {
      const first = group[0];
      if (!first) continue;
      const left = Math.min(...group.map((i) => i.x));
      const top = Math.min(...group.map((i) => i.y));
      const right = Math.max(...group.map((i) => i.x + i.width));
      const bottom = Math.max(...group.map((i) => i.y + i.height));
      blocks.push({
        type: BLOCK_TYPES[first.kind],
        content: group.map((i) => i.text).join(' '),
        confidence: 'high',
        bbox: { left, top, width: right - left, height: bottom - top, page },
      });
    }
  }
  return blocks;
}

function parseResponse(blocks: RawBlock[], pages: number) {
  return {
    job_id: 'bench',
    duration: 1,
    usage: { num_pages: pages },
    result: {
      type: 'full',
      chunks: [{ content: '', embed: '', enriched: null, blocks }],
    },
  };
}

/** A candidate that differs on some pages: edits, retypes, drops, low confidence. */
function candidateOf(blocks: RawBlock[]): RawBlock[] {
  return blocks.flatMap((block, i): RawBlock[] => {
    const page = block.bbox.page;
    if (page % 10 === 0 && block.type === 'Footer') return [];
    if (page % 7 === 0 && block.type === 'Text' && i % 2 === 0) {
      return [{ ...block, content: `${block.content} (revised)` }];
    }
    if (page % 11 === 0 && block.type === 'Section Header') {
      return [{ ...block, type: 'Title' }];
    }
    if (page % 5 === 0 && block.type === 'Text') {
      return [{ ...block, confidence: 'low' }];
    }
    return [block];
  });
}

async function buildHarness(outDir: string): Promise<void> {
  const [{ build }, { default: react }] = await Promise.all([
    import('vite'),
    import('@vitejs/plugin-react'),
  ]);
  const here = fileURLToPath(new URL('.', import.meta.url));
  await build({
    configFile: false,
    root: resolve(here, '../src/features/compare/document-view/bench-harness'),
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    resolve: { alias: { '@': resolve(here, '../src') } },
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

export async function runStandalone({
  pages = 500,
  screenshot,
  afterMeasure,
}: {
  pages?: number;
  screenshot?: string;
  /** Look further at the page after measuring (debugging, screenshots). */
  afterMeasure?: (page: Page) => Promise<void>;
} = {}): Promise<DocumentBenchFigures> {
  const [{ chromium }, { serveStatic }] = await Promise.all([
    import('@playwright/test'),
    import('./static-server.mjs'),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'bench-document-'));
  try {
    const pdf = await makeLargeSamplePdf(pages);
    await buildHarness(dir);
    const baseline = blocksFromSample(pdf);
    writeFileSync(join(dir, 'doc.pdf'), pdf.bytes);
    writeFileSync(
      join(dir, 'results.json'),
      JSON.stringify({
        baseline: parseResponse(baseline, pages),
        candidate: parseResponse(candidateOf(baseline), pages),
      }),
    );
    const server = await serveStatic({ root: dir });
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--enable-precise-memory-info'],
    });
    try {
      const page = await browser.newPage({
        viewport: { width: 1600, height: 1000 },
      });
      const figures = await measureDocumentView(page, server.url);
      if (screenshot) await page.screenshot({ path: screenshot });
      await afterMeasure?.(page);
      return { pages, ...figures };
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const isMain =
  process.argv[1] !== undefined &&
  resolve(process.argv[1]) === fileURLToPath(import.meta.url);

if (isMain) {
  const figures = await runStandalone({
    pages: Number(arg('pages') ?? 500),
    screenshot: arg('screenshot'),
  });
  console.log(
    `document view, ${figures.pages}-page PDF, 2 panes: first page drawn ${figures.firstPageMs.toFixed(0)} ms after navigation start (${figures.mountToFirstPageMs.toFixed(0)} ms after the view mounted); JS heap ${(figures.jsHeapUsedBytes / 2 ** 20).toFixed(1)} MB`,
  );
  if (existsSync('dist/index.html')) {
    const { excluded, initialFiles } = initialBundleExcludesPdfjs('dist');
    console.log(
      `initial bundle (${initialFiles.join(', ')}) ${excluded ? 'excludes' : 'CONTAINS'} pdf.js`,
    );
  } else {
    console.log('no dist/: run `npx vite build` to check the initial bundle');
  }
}
