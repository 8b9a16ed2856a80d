/**
 * Per-page difference marks for the Document view: how many blocks on each
 * source page were added, removed, moved, retyped or changed against the
 * baseline, and the list of pages worth visiting. Pure: no DOM.
 */
import type { BlockStatus, Comparison } from './model';

/** The statuses worth marking on a page (everything but 'unchanged'). */
export type DifferenceStatus = Exclude<BlockStatus, 'unchanged'>;

export const DIFFERENCE_STATUSES: readonly DifferenceStatus[] = [
  'added',
  'removed',
  'moved',
  'retyped',
  'changed',
];

export type PageMarkCounts = Record<DifferenceStatus, number> & {
  /** Sum of the statuses on this page. */
  total: number;
};

/** 1-based source page → counts; pages without differences are absent. */
export type PageMarks = Map<number, PageMarkCounts>;

const emptyCounts = (): PageMarkCounts => ({
  added: 0,
  removed: 0,
  moved: 0,
  retyped: 0,
  changed: 0,
  total: 0,
});

/**
 * Counts the block differences of one document of a comparison per page.
 * A removed block counts on its baseline page (it is drawn there as a
 * ghost); a block that moved to another page counts on both pages, since
 * both look different from the baseline. Null (the baseline pane, which is
 * compared against nothing) gives no marks.
 */
export function pageDifferenceMarks(
  comparison: Comparison | null,
  docIndex = 0,
): PageMarks {
  const marks: PageMarks = new Map();
  if (!comparison) return marks;
  const bump = (page: number, status: DifferenceStatus) => {
    let counts = marks.get(page);
    if (!counts) {
      counts = emptyCounts();
      marks.set(page, counts);
    }
    counts[status] += 1;
    counts.total += 1;
  };
  for (const diff of comparison.blockDiffs) {
    if (diff.docIndex !== docIndex || diff.status === 'unchanged') continue;
    bump(diff.page, diff.status);
    if (
      diff.status === 'moved' &&
      diff.baselinePage !== null &&
      diff.baselinePage !== diff.page
    ) {
      bump(diff.baselinePage, 'moved');
    }
  }
  return marks;
}

/** The pages that carry a mark, ascending. */
export function changedPages(marks: PageMarks): number[] {
  return [...marks.keys()].sort((a, b) => a - b);
}

/**
 * The next (direction 1) or previous (-1) changed page strictly after or
 * before `current`, or null when there is none that way (no wrap-around: the
 * buttons are disabled instead, so the user knows they reached the end).
 */
export function adjacentChangedPage(
  pages: readonly number[],
  current: number,
  direction: 1 | -1,
): number | null {
  if (direction === 1) return pages.find((p) => p > current) ?? null;
  for (let i = pages.length - 1; i >= 0; i -= 1) {
    const page = pages[i];
    if (page !== undefined && page < current) return page;
  }
  return null;
}
