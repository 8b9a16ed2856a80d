import type { PDFDocumentProxy } from 'pdfjs-dist';
import { loadPdfjs } from './load-pdfjs';

/**
 * Opens a PDF from a local File (read into memory: it is already on the
 * machine) or from a URL. URLs are fetched by pdf.js without credentials or
 * an Authorization header: result `pdf_url`s are presigned storage URLs and
 * the API key must never go anywhere but the API.
 *
 * The caller owns the document and must `destroy()` it when done.
 */
export async function openPdf(
  source: File | Blob | string,
): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfjs();
  // The site's CSP has no 'unsafe-eval': tell pdf.js not to even probe for
  // it (the probe would log a CSP violation); it then draws fonts without eval.
  const common = { isEvalSupported: false };
  const task =
    typeof source === 'string'
      ? pdfjs.getDocument({ ...common, url: source, withCredentials: false })
      : pdfjs.getDocument({
          ...common,
          data: new Uint8Array(await source.arrayBuffer()),
        });
  return task.promise;
}
