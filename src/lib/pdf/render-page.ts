import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';

/** The size of a page in PDF points at scale 1 (rotation applied). */
export interface PdfPageSize {
  width: number;
  height: number;
}

export async function getPageSize(
  doc: PDFDocumentProxy,
  pageNumber: number,
): Promise<PdfPageSize> {
  const page = await doc.getPage(pageNumber);
  const { width, height } = page.getViewport({ scale: 1 });
  return { width, height };
}

/** The render currently drawing into each canvas, so a newer one can cancel it. */
const activeRenders = new WeakMap<HTMLCanvasElement, RenderTask>();
/** How many renders were requested per canvas: only the latest may draw. */
const generations = new WeakMap<HTMLCanvasElement, number>();

export interface RenderPageOptions {
  /** CSS pixels per PDF point (the view's zoom). */
  scale: number;
  /** Backing-store pixels per CSS pixel; defaults to the screen's. */
  pixelRatio?: number;
}

/**
 * Renders one page (1-based) into a canvas at `scale`, with a backing store
 * at the device pixel ratio so text stays sharp. The caller sizes the
 * canvas's CSS box (to the page box the overlay also uses).
 *
 * Any render still running into the same canvas is cancelled first, so
 * quick page turns or zoom clicks never paint an old page over a new one.
 * Resolves true when drawn, false when cancelled (by a newer render).
 */
export async function renderPageToCanvas(
  doc: PDFDocumentProxy,
  pageNumber: number,
  canvas: HTMLCanvasElement,
  { scale, pixelRatio = globalThis.devicePixelRatio || 1 }: RenderPageOptions,
): Promise<boolean> {
  const generation = (generations.get(canvas) ?? 0) + 1;
  generations.set(canvas, generation);
  cancelActive(canvas);
  const page = await doc.getPage(pageNumber);
  // A newer render was requested for this canvas while we awaited.
  if (generations.get(canvas) !== generation) return false;
  const viewport = page.getViewport({ scale: scale * pixelRatio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  const task = page.render({ canvas, viewport });
  activeRenders.set(canvas, task);
  try {
    await task.promise;
    return true;
  } catch (error) {
    if (isCancelled(error)) return false;
    throw error;
  } finally {
    if (activeRenders.get(canvas) === task) activeRenders.delete(canvas);
  }
}

/** Cancels whatever is drawing or about to draw into the canvas (on unmount). */
export function cancelCanvasRender(canvas: HTMLCanvasElement): void {
  generations.set(canvas, (generations.get(canvas) ?? 0) + 1);
  cancelActive(canvas);
}

function cancelActive(canvas: HTMLCanvasElement): void {
  activeRenders.get(canvas)?.cancel();
  activeRenders.delete(canvas);
}

function isCancelled(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'name' in error &&
    error.name === 'RenderingCancelledException'
  );
}
