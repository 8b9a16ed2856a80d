import type { DiffCounts } from '@/results/model';

/** Counts of differences vs the baseline, in words (never colour alone). */
export function PaneSummary({ counts }: { counts: DiffCounts }) {
  return (
    <dl className="pane-summary" aria-label="Differences from the baseline">
      <dt>Blocks</dt>
      <dd>
        {counts.changed} changed, {counts.added} added, {counts.removed}{' '}
        removed, {counts.moved} moved, {counts.retyped} retyped
      </dd>
      <dt>Fields</dt>
      <dd>
        {counts.fieldsChanged} changed, {counts.fieldsAdded} added,{' '}
        {counts.fieldsRemoved} removed
      </dd>
      {counts.splitsChanged + counts.splitsAdded + counts.splitsRemoved > 0 && (
        <>
          <dt>Split</dt>
          <dd>
            {counts.splitsChanged} changed, {counts.splitsAdded} added,{' '}
            {counts.splitsRemoved} removed
          </dd>
        </>
      )}
    </dl>
  );
}
