import { useState } from 'react';
import { compareActions } from '@/store/compare-store';
import { MAX_ZOOM, MIN_ZOOM } from './use-page-and-zoom';

const ZOOM_STEP = 1.25;

interface PageToolbarProps {
  page: number;
  pageCount: number;
  zoom: number;
  sync: boolean;
  previousChangedPage: number | null;
  nextChangedPage: number | null;
  /** Why the changed-page buttons are off when there is nothing to compare. */
  changedPagesNote: string | null;
  onPage: (page: number) => void;
  onZoom: (zoom: number) => void;
  onFit: () => void;
}

/** Page turning, changed-page jumps, zoom and the sync switch of a pane. */
export function PageToolbar({
  page,
  pageCount,
  zoom,
  sync,
  previousChangedPage,
  nextChangedPage,
  changedPagesNote,
  onPage,
  onZoom,
  onFit,
}: PageToolbarProps) {
  return (
    <div className="page-toolbar" role="toolbar" aria-label="Page and zoom">
      <div className="page-toolbar__group">
        <button
          type="button"
          onClick={() => onPage(page - 1)}
          disabled={page <= 1}
        >
          Previous page
        </button>
        <PageNumberField page={page} pageCount={pageCount} onPage={onPage} />
        <button
          type="button"
          onClick={() => onPage(page + 1)}
          disabled={page >= pageCount}
        >
          Next page
        </button>
      </div>
      <div className="page-toolbar__group">
        <button
          type="button"
          onClick={() =>
            previousChangedPage !== null && onPage(previousChangedPage)
          }
          disabled={previousChangedPage === null}
          title={changedPagesNote ?? undefined}
        >
          Previous changed page
        </button>
        <button
          type="button"
          onClick={() => nextChangedPage !== null && onPage(nextChangedPage)}
          disabled={nextChangedPage === null}
          title={changedPagesNote ?? undefined}
        >
          Next changed page
        </button>
      </div>
      <div className="page-toolbar__group">
        <button
          type="button"
          onClick={() => onZoom(zoom / ZOOM_STEP)}
          disabled={zoom <= MIN_ZOOM}
        >
          Zoom out
        </button>
        <output aria-label="Zoom" aria-live="polite">
          {Math.round(zoom * 100)}%
        </output>
        <button
          type="button"
          onClick={() => onZoom(zoom * ZOOM_STEP)}
          disabled={zoom >= MAX_ZOOM}
        >
          Zoom in
        </button>
        <button type="button" onClick={onFit}>
          Fit width
        </button>
      </div>
      <label className="page-toolbar__sync">
        <input
          type="checkbox"
          checked={sync}
          onChange={(e) => compareActions.syncPagesToggled(e.target.checked)}
        />
        Sync pages
      </label>
    </div>
  );
}

/** A page number the user can type; applied on Enter or when leaving the field. */
function PageNumberField({
  page,
  pageCount,
  onPage,
}: {
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const n = Number(draft);
    if (Number.isInteger(n) && n >= 1 && n <= pageCount) onPage(n);
    setDraft(null); // out of range or not a number: back to the current page
  };
  return (
    <span className="page-toolbar__number">
      <label>
        Page number
        <input
          type="number"
          inputMode="numeric"
          min={1}
          max={pageCount}
          value={draft ?? String(page)}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') setDraft(null);
          }}
        />
      </label>
      <span>of {pageCount}</span>
    </span>
  );
}
