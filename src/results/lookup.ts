import type { NormalizedBlock, NormalizedResult } from './model';

/** The block with this id, or undefined. O(1) through `blockIndexById`. */
export function blockById(
  result: Pick<NormalizedResult, 'blocks' | 'blockIndexById'>,
  id: string,
): NormalizedBlock | undefined {
  const index = result.blockIndexById[id];
  return index === undefined ? undefined : result.blocks[index];
}

/** The blocks of one source page of one document, in reading order. */
export function blocksOnPage(
  result: Pick<NormalizedResult, 'blocks' | 'blockIndexById' | 'pages'>,
  page: number,
  docIndex = 0,
): NormalizedBlock[] {
  const info = result.pages.find(
    (p) => p.docIndex === docIndex && p.page === page,
  );
  if (info === undefined) return [];
  return info.blockIds
    .map((id) => blockById(result, id))
    .filter((b): b is NormalizedBlock => b !== undefined);
}
