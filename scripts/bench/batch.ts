/**
 * Batch: 20 documents × 3 pipelines against the emulator server with
 * injected latency, driven through the real UI. Wall time (click on Run →
 * every cell Completed) against the ideal the concurrency limit allows:
 * ceil(cells / concurrency) waves of one lone cell's time (t_cell, measured
 * first with the same setup and latency).
 */
import type { Browser } from '@playwright/test';
import { makeSamplePdf } from '../../test/fixtures/make-pdf';
import {
  addDocuments,
  addPipeline,
  connect,
  runAndWaitForCompleted,
  setConcurrency,
} from './app-driver';
import type { UploadFile } from './app-driver';
import { newBenchContext } from './browser';
import { EMULATOR_KEY } from './emulator';
import type { EmulatorServer } from './emulator';

export const BATCH_PIPELINES = [
  { id: 'demo-lines', label: 'Lines' },
  { id: 'demo-layout', label: 'Layout' },
  { id: 'demo-extract', label: 'Extract' },
] as const;

export interface BatchOptions {
  documents: number;
  concurrency: number;
  latencyMs: number;
  jobDurationMs: number;
}

export interface BatchFigures extends BatchOptions {
  cells: number;
  /** One lone cell per pipeline (fresh document: its upload included), then the same cell again (upload reused). */
  singleCellMs: { pipeline: string; ms: number; reusedUploadMs: number }[];
  tCellMs: number;
  idealMs: number;
  /** t_cell with the upload reused. */
  tCellReusedMs: number;
  /**
   * The strictest ideal: every cell as cheap as one whose upload is
   * already done (the batch uploads each document once, for 3 cells).
   */
  strictIdealMs: number;
  wallMs: number;
  ratio: number;
}

async function pdfFile(name: string, title: string): Promise<UploadFile> {
  const pdf = await makeSamplePdf({ pages: 2, title });
  return { name, mimeType: 'application/pdf', buffer: Buffer.from(pdf.bytes) };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/** A fresh context (empty storage), connected to the emulator. */
async function freshApp(
  browser: Browser,
  appUrl: string,
  emulator: EmulatorServer,
  concurrency: number,
) {
  const context = await newBenchContext(browser, {
    width: 1400,
    height: 1000,
  });
  const page = await context.newPage();
  await page.goto(appUrl);
  await connect(page, emulator.url, EMULATOR_KEY);
  await setConcurrency(page, concurrency);
  return { context, page };
}

export async function measureBatch(
  browser: Browser,
  appUrl: string,
  emulator: EmulatorServer,
  options: BatchOptions,
  log: (line: string) => void,
): Promise<BatchFigures> {
  const { documents, concurrency, latencyMs } = options;
  const cells = documents * BATCH_PIPELINES.length;
  await emulator.reset();
  await emulator.setFaults({ latencyMs });

  // t_cell: one document × one pipeline, alone, for each pipeline.
  const singleCellMs: BatchFigures['singleCellMs'] = [];
  for (const pipeline of BATCH_PIPELINES) {
    const { context, page } = await freshApp(
      browser,
      appUrl,
      emulator,
      concurrency,
    );
    try {
      await addPipeline(page, pipeline.id, pipeline.label);
      await addDocuments(page, [
        await pdfFile(
          `single-${pipeline.id}.pdf`,
          `Single cell report for ${pipeline.label}`,
        ),
      ]);
      const { wallMs } = await runAndWaitForCompleted(page, 1, 60_000);
      // Again, with the upload's file_id reused (as 2 of 3 batch cells are).
      const again = await runAndWaitForCompleted(
        page,
        1,
        60_000,
        page.getByRole('button', { name: /^Run again: / }),
      );
      singleCellMs.push({
        pipeline: pipeline.id,
        ms: wallMs,
        reusedUploadMs: again.wallMs,
      });
      log(
        `  single cell, ${pipeline.id}: ${wallMs.toFixed(0)} ms; again with the upload reused: ${again.wallMs.toFixed(0)} ms`,
      );
    } finally {
      await context.close();
    }
  }
  const tCellMs = median(singleCellMs.map((s) => s.ms));
  const idealMs = Math.ceil(cells / concurrency) * tCellMs;
  const tCellReusedMs = median(singleCellMs.map((s) => s.reusedUploadMs));
  const strictIdealMs = Math.ceil(cells / concurrency) * tCellReusedMs;

  const { context, page } = await freshApp(
    browser,
    appUrl,
    emulator,
    concurrency,
  );
  try {
    for (const pipeline of BATCH_PIPELINES) {
      await addPipeline(page, pipeline.id, pipeline.label);
    }
    const files = await Promise.all(
      Array.from({ length: documents }, (_, i) =>
        pdfFile(
          `batch-${String(i + 1).padStart(2, '0')}.pdf`,
          `Batch report number ${i + 1}`,
        ),
      ),
    );
    await addDocuments(page, files);
    const { wallMs } = await runAndWaitForCompleted(page, cells, 300_000);
    return {
      ...options,
      cells,
      singleCellMs,
      tCellMs,
      idealMs,
      tCellReusedMs,
      strictIdealMs,
      wallMs,
      ratio: wallMs / idealMs,
    };
  } finally {
    await context.close();
  }
}
