import { useEffect, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { PageSize } from '@/results/geometry';
import { getPageSize } from '@/lib/pdf/render-page';
import { acquirePdf, releasePdf } from './pdf-cache';

export type PdfState =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'ready'; doc: PDFDocumentProxy }
  | { status: 'error'; message: string };

/** Opens the PDF for a pane (lazily loading pdf.js), or says why not. */
export function usePdfDocument(source: File | string | null): PdfState {
  const [state, setState] = useState<{
    source: File | string | null;
    pdf: PdfState;
  }>({ source: null, pdf: { status: 'none' } });

  useEffect(() => {
    if (source === null) return;
    let live = true;
    acquirePdf(source).then(
      (doc) => {
        if (live) setState({ source, pdf: { status: 'ready', doc } });
      },
      (error: unknown) => {
        if (live) {
          setState({
            source,
            pdf: { status: 'error', message: describePdfError(error) },
          });
        }
      },
    );
    return () => {
      live = false;
      releasePdf(source);
    };
  }, [source]);

  if (source === null) return { status: 'none' };
  // A state for an older source is stale: the new one is still loading.
  return state.source === source ? state.pdf : { status: 'loading' };
}

function describePdfError(error: unknown): string {
  const name =
    typeof error === 'object' && error !== null && 'name' in error
      ? String(error.name)
      : '';
  if (name === 'PasswordException') return 'the PDF is password-protected';
  if (name === 'InvalidPDFException') return 'the file is not a valid PDF';
  if (name === 'ResponseException' || name === 'UnexpectedResponseException') {
    return 'the PDF URL could not be fetched (expired, or blocked by CORS)';
  }
  if (error instanceof TypeError) {
    return 'the PDF could not be fetched: offline, expired URL, or blocked by CORS';
  }
  return error instanceof Error ? error.message : 'unknown error';
}

/** The size in points of one page, once known (null while loading). */
export function usePdfPageSize(
  doc: PDFDocumentProxy | null,
  page: number,
): PageSize | null {
  const [known, setKnown] = useState<{
    doc: PDFDocumentProxy;
    page: number;
    size: PageSize;
  } | null>(null);
  useEffect(() => {
    if (!doc || page < 1 || page > doc.numPages) return;
    let live = true;
    getPageSize(doc, page).then(
      (size) => {
        if (live) setKnown({ doc, page, size });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [doc, page]);
  // While a new page's size loads, keep the previous page's: pages of one
  // document are nearly always the same size, and this avoids a flicker.
  return known && known.doc === doc ? known.size : null;
}
