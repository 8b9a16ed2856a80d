import { useEffect, useRef } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { cancelCanvasRender, renderPageToCanvas } from '@/lib/pdf/render-page';

interface PdfPageCanvasProps {
  doc: PDFDocumentProxy;
  page: number;
  zoom: number;
  onRendered?: () => void;
  onError?: (message: string) => void;
}

/**
 * The rendered page, sized by its container (the page box the overlay
 * shares). Only the page on screen is ever rendered; a newer page or zoom
 * cancels a render in flight.
 */
export function PdfPageCanvas({
  doc,
  page,
  zoom,
  onRendered,
  onError,
}: PdfPageCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  // Callbacks in refs: a new closure each render must not restart the render.
  const rendered = useRef(onRendered);
  const failed = useRef(onError);
  useEffect(() => {
    rendered.current = onRendered;
    failed.current = onError;
  });

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    renderPageToCanvas(doc, page, canvas, { scale: zoom }).then(
      (drawn) => {
        if (drawn) rendered.current?.();
      },
      (error: unknown) => {
        failed.current?.(
          error instanceof Error
            ? error.message
            : 'the page could not be drawn',
        );
      },
    );
    return () => cancelCanvasRender(canvas);
  }, [doc, page, zoom]);

  // The page image is decoration for screen readers: the boxes carry the content.
  return (
    <canvas ref={ref} className="document-page__canvas" aria-hidden="true" />
  );
}
