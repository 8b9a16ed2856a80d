/**
 * The emulator for the browser (demo mode). Load this module lazily
 * (`await import('@/emulator/browser')`): it pulls in pdf.js, which must not
 * be part of the app's initial bundle.
 */
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { createEmulator } from './emulator';
import type { Emulator, EmulatorOptions, PdfjsModule } from './types';

async function loadBrowserPdfjs(): Promise<PdfjsModule> {
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  return pdfjs;
}

/**
 * A browser emulator. Ids get a per-page-load prefix by default, so a job id
 * remembered from an earlier visit (run history) never matches a new job.
 */
export function createBrowserEmulator(options: EmulatorOptions = {}): Emulator {
  return createEmulator({
    loadPdfjs: loadBrowserPdfjs,
    idPrefix: `emu${Date.now().toString(36)}`,
    ...options,
  });
}
