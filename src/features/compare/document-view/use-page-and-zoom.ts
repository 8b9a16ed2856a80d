import { useCallback, useState } from 'react';
import {
  compareActions,
  useComparePage,
  useCompareZoom,
  useSyncPages,
} from '@/store/compare-store';

export const MIN_ZOOM = 0.25;
export const MAX_ZOOM = 4;

const clampZoom = (zoom: number) =>
  Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));

/**
 * The page and zoom a pane shows. With "Sync pages" on they are the compare
 * store's, shared by every pane; with it off each pane keeps its own,
 * starting from where the shared ones were.
 */
export function usePageAndZoom(pageCount: number) {
  const sync = useSyncPages();
  const sharedPage = useComparePage();
  const sharedZoom = useCompareZoom();
  const [local, setLocal] = useState({ page: sharedPage, zoom: sharedZoom });

  // While synced, follow the shared values, so that turning sync off
  // leaves the pane where it was (adjusting state during render, the
  // React-documented alternative to an effect).
  if (sync && (local.page !== sharedPage || local.zoom !== sharedZoom)) {
    setLocal({ page: sharedPage, zoom: sharedZoom });
  }

  const rawPage = sync ? sharedPage : local.page;
  const page = Math.min(Math.max(1, rawPage), Math.max(1, pageCount));
  const zoom = sync ? sharedZoom : local.zoom;

  // Stable callbacks: the page list is memoised on them.
  const goToPage = useCallback(
    (next: number) => {
      const clamped = Math.min(
        Math.max(1, Math.floor(next)),
        Math.max(1, pageCount),
      );
      if (sync) compareActions.pageChanged(clamped);
      else setLocal((s) => ({ ...s, page: clamped }));
    },
    [sync, pageCount],
  );
  const setZoom = useCallback(
    (next: number) => {
      const clamped = clampZoom(next);
      if (sync) compareActions.zoomChanged(clamped);
      else setLocal((s) => ({ ...s, zoom: clamped }));
    },
    [sync],
  );
  return { sync, page, zoom, goToPage, setZoom };
}
