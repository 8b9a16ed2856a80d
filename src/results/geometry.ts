/**
 * Box geometry for drawing blocks over a rendered page. Reducto boxes are
 * normalised 0..1 from the page's top-left corner, so one box maps to pixels
 * at any zoom by scaling with the rendered page size. Pure: no DOM.
 */

/** A normalised box: fractions of the page, origin top-left. */
export interface NormalisedBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A box in CSS pixels relative to the page's top-left corner. */
export interface PixelBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface PageSize {
  width: number;
  height: number;
}

/** US Letter in PDF points: the assumed page when no PDF is at hand. */
export const DEFAULT_PAGE_SIZE: PageSize = { width: 612, height: 792 };

const clamp01 = (n: number): number =>
  Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;

/**
 * Clamps a box to the page: models sometimes return boxes that poke a little
 * outside (negative left, width past the right edge). Drawing them unclamped
 * would place buttons outside the page and overlap the neighbouring pane.
 */
export function clampBox(box: NormalisedBox): NormalisedBox {
  if (isInsidePage(box)) return box;
  const left = clamp01(box.left);
  const top = clamp01(box.top);
  const right = clamp01(box.left + Math.max(0, finiteOr0(box.width)));
  const bottom = clamp01(box.top + Math.max(0, finiteOr0(box.height)));
  return {
    left,
    top,
    width: Math.max(0, right - left),
    height: Math.max(0, bottom - top),
  };
}

function isInsidePage(b: NormalisedBox): boolean {
  return (
    [b.left, b.top, b.width, b.height].every(Number.isFinite) &&
    b.left >= 0 &&
    b.top >= 0 &&
    b.width >= 0 &&
    b.height >= 0 &&
    b.left + b.width <= 1 &&
    b.top + b.height <= 1
  );
}

function finiteOr0(n: number): number {
  return Number.isFinite(n) ? n : 0;
}

/**
 * Converts a normalised box to pixels on a page drawn `pageWidthPx` by
 * `pageHeightPx` (whatever the zoom: the zoom is already in those sizes).
 */
export function boxToPixels(
  box: NormalisedBox,
  pageWidthPx: number,
  pageHeightPx: number,
): PixelBox {
  const b = clampBox(box);
  return {
    left: b.left * pageWidthPx,
    top: b.top * pageHeightPx,
    width: b.width * pageWidthPx,
    height: b.height * pageHeightPx,
  };
}

/** A page's drawn size in CSS pixels at a zoom (1 = one pixel per point). */
export function pageSizeAtZoom(page: PageSize, zoom: number): PageSize {
  return { width: page.width * zoom, height: page.height * zoom };
}

/**
 * The zoom at which a page fills `availableWidthPx`, kept within the zoom
 * range the compare store allows. Falls back to 1 when the width is unknown
 * (e.g. not yet laid out).
 */
export function fitWidthZoom(
  page: PageSize,
  availableWidthPx: number,
  range: { min: number; max: number } = { min: 0.25, max: 4 },
): number {
  if (!(availableWidthPx > 0) || !(page.width > 0)) return 1;
  const zoom = availableWidthPx / page.width;
  return Math.min(range.max, Math.max(range.min, zoom));
}
