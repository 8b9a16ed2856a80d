/**
 * pdf.js is about a megabyte with its worker, and only the Document view
 * (and the in-browser emulator) needs it, so it is never imported
 * statically: the first call loads the library and its worker URL as
 * separate chunks, later calls reuse them.
 */
import type * as Pdfjs from 'pdfjs-dist';

export type PdfjsModule = typeof Pdfjs;

let loading: Promise<PdfjsModule> | null = null;

export function loadPdfjs(): Promise<PdfjsModule> {
  loading ??= Promise.all([
    import('pdfjs-dist'),
    // `?url` makes Vite emit the worker as its own file and give us its URL
    // (relative to the page, so it works from any sub-path).
    import('pdfjs-dist/build/pdf.worker.min.mjs?url'),
  ]).then(([pdfjs, worker]) => {
    pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
    return pdfjs;
  });
  // A failed load (offline chunk fetch) may succeed on the next try.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
