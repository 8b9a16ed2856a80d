import type {
  BlockDiff,
  NormalizedBlock,
  NormalizedResult,
} from '@/results/model';

export function findBlock(
  result: NormalizedResult | null,
  id: string | null,
): NormalizedBlock | null {
  if (!result || id === null) return null;
  const index = result.blockIndexById[id];
  return index === undefined ? null : (result.blocks[index] ?? null);
}

/** Both sides of a block diff. */
export function diffSides(
  diff: BlockDiff,
  candidate: NormalizedResult,
  baseline: NormalizedResult | null,
): { before: NormalizedBlock | null; after: NormalizedBlock | null } {
  return {
    before: findBlock(baseline, diff.baselineId),
    after: findBlock(candidate, diff.candidateId),
  };
}

/** "Text", or "Text → Title" for a retyped block. */
export function diffTypeLabel(
  before: NormalizedBlock | null,
  after: NormalizedBlock | null,
): string {
  if (before && after && before.type !== after.type) {
    return `${before.type} → ${after.type}`;
  }
  return (after ?? before)?.type ?? '';
}
