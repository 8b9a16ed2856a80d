import type { Comparison, NormalizedResult } from '@/results/model';
import { diffSides, diffTypeLabel } from './block-lookup';
import { CurrentMarker } from './current-marker';
import { Segments } from './segments';
import { StatusBadge } from './status-badge';

interface CurrentDifferenceNoteProps {
  result: NormalizedResult;
  baseline: NormalizedResult | null;
  comparison: Comparison | null;
  /** Index into comparison.blockDiffs. */
  position: number;
}

/**
 * For views that cannot point at a block (JSON): the current block
 * difference spelled out above the view.
 */
export function CurrentDifferenceNote({
  result,
  baseline,
  comparison,
  position,
}: CurrentDifferenceNoteProps) {
  const diff = comparison?.blockDiffs[position];
  if (!diff) return null;
  const { before, after } = diffSides(diff, result, baseline);
  return (
    <div className="is-current current-note">
      <CurrentMarker kind="current" />
      <StatusBadge status={diff.status} /> {diffTypeLabel(before, after)}, page{' '}
      {diff.page}:{' '}
      {diff.segments ? (
        <Segments segments={diff.segments} />
      ) : (
        (after ?? before)?.text
      )}
    </div>
  );
}
