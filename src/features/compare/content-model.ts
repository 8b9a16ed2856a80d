import type { Comparison, NormalizedResult } from '@/results/model';

export type ContentStatus = 'unchanged' | 'changed' | 'added' | 'removed';

/** One chunk as shown in the Content view, with its status vs the baseline. */
export interface ContentItem {
  /** The chunk id, or `removed:<baseline chunk id>` for a removed chunk. */
  key: string;
  /** Markdown as sent: untrusted. */
  content: string;
  status: ContentStatus;
  docIndex: number;
  pages: number[];
  /** Indexes into comparison.blockDiffs of this chunk's differing blocks. */
  diffIndices: number[];
  /**
   * The chunk's blocks: this pane's, or for a removed chunk the baseline's
   * (to find the chunk of a selected block, and to select its first one).
   */
  blockIds: string[];
}

/**
 * The chunks of a pane in reading order, each marked against the baseline:
 * a chunk whose blocks are all new is added, one with any differing block is
 * changed. Baseline chunks whose blocks were all removed are slotted in at
 * their baseline position (blockDiffs keep removed blocks there).
 */
export function buildContentItems(
  result: NormalizedResult,
  comparison: Comparison | null,
  baseline: NormalizedResult | null,
): ContentItem[] {
  if (!comparison) {
    return result.chunks.map((chunk) => ({
      key: chunk.id,
      content: chunk.content,
      status: 'unchanged',
      docIndex: chunk.docIndex,
      pages: chunk.pages,
      diffIndices: [],
      blockIds: chunk.blockIds,
    }));
  }
  const items: { item: ContentItem; position: number }[] = [];
  let lastPosition = -1;
  for (const chunk of result.chunks) {
    const indices = chunk.blockIds
      .map((id) => comparison.diffIndexByCandidateId[id])
      .filter((index): index is number => index !== undefined);
    const statuses = indices.map(
      (index) => comparison.blockDiffs[index]?.status ?? 'unchanged',
    );
    const differing = indices.filter((_, i) => statuses[i] !== 'unchanged');
    const status: ContentStatus =
      statuses.length > 0 && statuses.every((s) => s === 'added')
        ? 'added'
        : differing.length > 0
          ? 'changed'
          : 'unchanged';
    const position = indices.length > 0 ? Math.min(...indices) : lastPosition;
    lastPosition = position;
    items.push({
      item: {
        key: chunk.id,
        content: chunk.content,
        status,
        docIndex: chunk.docIndex,
        pages: chunk.pages,
        diffIndices: differing,
        blockIds: chunk.blockIds,
      },
      position,
    });
  }
  for (const chunk of baseline?.chunks ?? []) {
    const indices = chunk.blockIds
      .map((id) => comparison.diffIndexByBaselineId[id])
      .filter((index): index is number => index !== undefined);
    const allRemoved =
      indices.length > 0 &&
      indices.every(
        (index) => comparison.blockDiffs[index]?.status === 'removed',
      );
    if (!allRemoved) continue;
    items.push({
      item: {
        key: `removed:${chunk.id}`,
        content: chunk.content,
        status: 'removed',
        docIndex: chunk.docIndex,
        pages: chunk.pages,
        diffIndices: indices,
        blockIds: chunk.blockIds,
      },
      // Just before a candidate chunk at the same position.
      position: Math.min(...indices) - 0.5,
    });
  }
  // Stable sort keeps reading order among equal positions.
  return items
    .map((entry, order) => ({ ...entry, order }))
    .sort((a, b) => a.position - b.position || a.order - b.order)
    .map((entry) => entry.item);
}
