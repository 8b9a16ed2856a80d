import { memo } from 'react';
import type { PageMarkCounts, PageMarks } from '@/results/page-marks';
import { DIFFERENCE_STATUSES } from '@/results/page-marks';
import { statusMark } from '../status-marks';

interface PageListProps {
  /** The pane's name: each pane's page list is its own landmark. */
  label: string;
  pageCount: number;
  current: number;
  marks: PageMarks;
  onPage: (page: number) => void;
}

/** "+ 1 added, ± 2 changed" */
function describeMarks(counts: PageMarkCounts): string {
  return DIFFERENCE_STATUSES.filter((s) => counts[s] > 0)
    .map((s) => `${statusMark(s)} ${counts[s]} ${s}`)
    .join(', ');
}

/** "±2 +1": each status's symbol with its count, so the kind shows at a glance. */
function compactMarks(counts: PageMarkCounts): string {
  return DIFFERENCE_STATUSES.filter((s) => counts[s] > 0)
    .map((s) => `${statusMark(s)}${counts[s]}`)
    .join(' ');
}

/**
 * Every page as a button, with a symbol and count on pages that differ from
 * the baseline. Memoised: it only changes with the page or the marks, not
 * with zoom or selection, and a 500-page list is worth not rebuilding.
 */
export const PageList = memo(function PageList({
  label,
  pageCount,
  current,
  marks,
  onPage,
}: PageListProps) {
  const pages = Array.from({ length: pageCount }, (_, i) => i + 1);
  return (
    <nav className="page-list" aria-label={`Pages of ${label}`}>
      <ol>
        {pages.map((page) => {
          const counts = marks.get(page);
          const summary = counts ? describeMarks(counts) : '';
          return (
            <li key={page}>
              {/* The visible text ("2 ±3") is part of the accessible name,
                  which adds what the symbols mean. */}
              <button
                type="button"
                aria-current={page === current ? 'page' : undefined}
                title={summary || undefined}
                onClick={() => onPage(page)}
              >
                <span className="visually-hidden">Page</span> {page}
                {counts ? (
                  <>
                    {' '}
                    <span className="page-list__mark">
                      {compactMarks(counts)}
                    </span>
                    <span className="visually-hidden">
                      {`: ${counts.total} ${counts.total === 1 ? 'difference' : 'differences'}, ${summary}`}
                    </span>
                  </>
                ) : null}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
});
