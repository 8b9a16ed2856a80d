import { describe, expect, it } from 'vitest';
import type { BlockDiff, BlockStatus, Comparison } from './model';
import {
  adjacentChangedPage,
  changedPages,
  pageDifferenceMarks,
} from './page-marks';

let nextId = 0;
function diff(
  status: BlockStatus,
  page: number,
  extra: Partial<BlockDiff> = {},
): BlockDiff {
  nextId += 1;
  return {
    status,
    changes:
      status === 'changed' || status === 'retyped' || status === 'moved'
        ? [status]
        : [],
    candidateId: status === 'removed' ? null : `c${nextId}`,
    baselineId: status === 'added' ? null : `b${nextId}`,
    docIndex: 0,
    page,
    baselinePage: status === 'added' ? null : page,
    segments: null,
    similarity: status === 'unchanged' ? 1 : 0.5,
    ...extra,
  };
}

/** Only blockDiffs matter to the marks; the rest is filler. */
function comparisonOf(blockDiffs: BlockDiff[]): Comparison {
  return { blockDiffs } as unknown as Comparison;
}

describe('pageDifferenceMarks', () => {
  it('counts each difference status on its page', () => {
    const marks = pageDifferenceMarks(
      comparisonOf([
        diff('unchanged', 1),
        diff('changed', 2),
        diff('changed', 2),
        diff('added', 2),
        diff('retyped', 4),
        diff('removed', 4),
      ]),
    );
    expect(marks.get(2)).toMatchObject({ changed: 2, added: 1, total: 3 });
    expect(marks.get(4)).toMatchObject({ retyped: 1, removed: 1, total: 2 });
  });

  it('leaves out pages where nothing differs', () => {
    const marks = pageDifferenceMarks(
      comparisonOf([diff('unchanged', 1), diff('added', 3)]),
    );
    expect(marks.has(1)).toBe(false);
    expect(changedPages(marks)).toEqual([3]);
  });

  it('marks both pages of a block that moved to another page', () => {
    const marks = pageDifferenceMarks(
      comparisonOf([diff('moved', 5, { baselinePage: 3 })]),
    );
    expect(marks.get(5)?.moved).toBe(1);
    expect(marks.get(3)?.moved).toBe(1);
  });

  it('counts a move within one page once', () => {
    const marks = pageDifferenceMarks(
      comparisonOf([diff('moved', 2, { baselinePage: 2 })]),
    );
    expect(marks.get(2)?.total).toBe(1);
  });

  it('only counts the requested document', () => {
    const diffs = [diff('added', 1), diff('added', 2, { docIndex: 1 })];
    expect(changedPages(pageDifferenceMarks(comparisonOf(diffs)))).toEqual([1]);
    expect(changedPages(pageDifferenceMarks(comparisonOf(diffs), 1))).toEqual([
      2,
    ]);
  });

  it('gives no marks for the baseline pane (no comparison)', () => {
    expect(pageDifferenceMarks(null).size).toBe(0);
  });
});

describe('changedPages', () => {
  it('lists the marked pages in ascending order', () => {
    const marks = pageDifferenceMarks(
      comparisonOf([diff('added', 9), diff('changed', 2), diff('removed', 5)]),
    );
    expect(changedPages(marks)).toEqual([2, 5, 9]);
  });
});

describe('adjacentChangedPage', () => {
  const pages = [2, 5, 9];

  it('finds the next changed page after the current one', () => {
    expect(adjacentChangedPage(pages, 1, 1)).toBe(2);
    expect(adjacentChangedPage(pages, 2, 1)).toBe(5);
    expect(adjacentChangedPage(pages, 6, 1)).toBe(9);
  });

  it('finds the previous changed page before the current one', () => {
    expect(adjacentChangedPage(pages, 9, -1)).toBe(5);
    expect(adjacentChangedPage(pages, 4, -1)).toBe(2);
  });

  it('says there is none past either end', () => {
    expect(adjacentChangedPage(pages, 9, 1)).toBeNull();
    expect(adjacentChangedPage(pages, 2, -1)).toBeNull();
    expect(adjacentChangedPage([], 1, 1)).toBeNull();
  });
});
