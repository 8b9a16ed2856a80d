import type { BlockBox } from './model';

/** Intersection over union of two boxes on the same page, 0..1 (0 if either is missing). */
export function iou(a: BlockBox | null, b: BlockBox | null): number {
  if (a === null || b === null) return 0;
  const w =
    Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const h =
    Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  const union = a.width * a.height + b.width * b.height - inter;
  return union > 0 ? inter / union : 0;
}

/**
 * How far a box moved, in page fractions: the smaller of the shift of its
 * top-left corner and of its centre. A box that only grew (longer text)
 * keeps its corner, one re-anchored by a wider/narrower crop keeps roughly
 * its centre; neither is a move.
 */
export function displacement(a: BlockBox | null, b: BlockBox | null): number {
  if (a === null || b === null) return 0;
  const corner = Math.hypot(a.left - b.left, a.top - b.top);
  const centre = Math.hypot(
    a.left + a.width / 2 - (b.left + b.width / 2),
    a.top + a.height / 2 - (b.top + b.height / 2),
  );
  return Math.min(corner, centre);
}
