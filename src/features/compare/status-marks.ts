import type { BlockStatus, FieldStatus, SplitStatus } from '@/results/model';

export type DiffStatus = BlockStatus | FieldStatus | SplitStatus;

/**
 * Each status gets a symbol AND a word, so a difference is never shown by
 * colour alone (and reads out sensibly to a screen reader).
 */
const MARKS: Record<DiffStatus, string> = {
  unchanged: '=',
  changed: '±',
  added: '+',
  removed: '−',
  moved: '↕',
  retyped: '⇄',
};

export function statusMark(status: DiffStatus): string {
  return MARKS[status];
}

/** "± changed", "+ added", … */
export function statusText(status: DiffStatus): string {
  return `${MARKS[status]} ${status}`;
}
