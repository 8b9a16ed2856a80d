/**
 * The emulator for the browser (demo mode). Load this module lazily
 * (`await import('@/emulator/browser')`): its first document loads pdf.js,
 * which must not be part of the app's initial bundle.
 */
import { loadPdfjs } from '@/lib/pdf/load-pdfjs';
import { createEmulator } from './emulator';
import type { Emulator, EmulatorOptions } from './types';

/**
 * A browser emulator. Ids get a per-page-load prefix by default, so a job id
 * remembered from an earlier visit (run history) never matches a new job.
 * pdf.js and its worker come from the app's shared loader, so the Document
 * view and the emulator load them once.
 */
export function createBrowserEmulator(options: EmulatorOptions = {}): Emulator {
  return createEmulator({
    loadPdfjs,
    idPrefix: `emu${Date.now().toString(36)}`,
    ...options,
  });
}
