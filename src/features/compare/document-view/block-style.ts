import type { NormalizedBlock } from '@/results/model';

/**
 * One colour per block type for the boxes and the legend. Known types get
 * fixed, distinguishable hues; any other type (the API's set is open) gets a
 * hue from its name, so it is stable across panes and sessions.
 */
const KNOWN_TYPE_HUES: Record<string, number> = {
  Title: 0,
  'Section Header': 25,
  Header: 45,
  Text: 210,
  'List Item': 180,
  Table: 130,
  Figure: 280,
  'Key Value': 320,
  Footer: 60,
  'Page Number': 90,
  Comment: 240,
  Signature: 300,
};

export function typeHue(type: string): number {
  const known = KNOWN_TYPE_HUES[type];
  if (known !== undefined) return known;
  let hash = 0;
  for (const ch of type) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return hash % 360;
}

/** Outline colour of a type, dark enough to read on a white page. */
export const typeColour = (type: string) => `hsl(${typeHue(type)} 75% 38%)`;
/** Fill of a type's boxes: faint, so the page stays legible underneath. */
export const typeFill = (type: string) =>
  `hsl(${typeHue(type)} 75% 50% / 0.12)`;

/** Types in first-seen order across the given block lists, with counts. */
export function typesWithCounts(
  ...lists: readonly (readonly NormalizedBlock[])[]
): { type: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const list of lists) {
    for (const block of list) {
      counts.set(block.type, (counts.get(block.type) ?? 0) + 1);
    }
  }
  return [...counts].map(([type, count]) => ({ type, count }));
}
