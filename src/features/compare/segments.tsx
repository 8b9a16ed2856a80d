import { useState } from 'react';
import type { DiffSegment } from '@/results/model';
import { ShowFullText } from '@/components/truncated-text';
import { truncatePieces } from '@/lib/truncate';

/**
 * Word-level changes: <ins> for insertions, <del> for deletions. Cut after
 * the first DISPLAY_LIMIT characters: two unrelated huge texts diff to the
 * whole of both, millions of characters.
 */
export function Segments({ segments }: { segments: readonly DiffSegment[] }) {
  const [full, setFull] = useState(false);
  const { shown, hidden } = full
    ? { shown: segments, hidden: 0 }
    : truncatePieces(segments);
  return (
    <>
      {shown.map((segment, i) =>
        segment.op === 'insert' ? (
          <ins key={i}>{segment.text}</ins>
        ) : segment.op === 'delete' ? (
          <del key={i}>{segment.text}</del>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
      {hidden > 0 && (
        <ShowFullText hidden={hidden} onShow={() => setFull(true)} />
      )}
    </>
  );
}
