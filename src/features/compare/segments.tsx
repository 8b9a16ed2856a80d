import type { DiffSegment } from '@/results/model';

/** Word-level changes: <ins> for insertions, <del> for deletions. */
export function Segments({ segments }: { segments: readonly DiffSegment[] }) {
  return (
    <>
      {segments.map((segment, i) =>
        segment.op === 'insert' ? (
          <ins key={i}>{segment.text}</ins>
        ) : segment.op === 'delete' ? (
          <del key={i}>{segment.text}</del>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  );
}
