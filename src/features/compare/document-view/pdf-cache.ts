import type { PDFDocumentProxy } from 'pdfjs-dist';
import { openPdf } from '@/lib/pdf/open-pdf';

/**
 * One open pdf.js document per source (File or URL), shared by every pane
 * that shows it: panes of one document would otherwise each parse the same
 * file. Reference-counted; the last pane to let go destroys it.
 */
const cache = new Map<
  File | string,
  { promise: Promise<PDFDocumentProxy>; refs: number }
>();

export function acquirePdf(source: File | string): Promise<PDFDocumentProxy> {
  let entry = cache.get(source);
  if (!entry) {
    entry = { promise: openPdf(source), refs: 0 };
    cache.set(source, entry);
    // A failed open is forgotten so a later pane may try again.
    entry.promise.catch(() => cache.delete(source));
  }
  entry.refs += 1;
  return entry.promise;
}

export function releasePdf(source: File | string): void {
  const entry = cache.get(source);
  if (!entry) return;
  entry.refs -= 1;
  if (entry.refs > 0) return;
  cache.delete(source);
  entry.promise.then(
    (doc) => doc.destroy(),
    () => undefined,
  );
}
