import { create } from 'zustand';

/**
 * What the compare view shows: the selected document, which runs are in the
 * panes, which one is the baseline, the shared block selection, and the
 * page/zoom/scroll synchronisation switches. View state only: results live
 * in the runs store and IndexedDB.
 */
interface CompareState {
  documentKey: string | null;
  /** Run ids shown as panes, in order; empty = the latest run per pipeline. */
  paneRunIds: string[];
  baselineRunId: string | null;
  /** A block selected in any pane, as `${runId}:${blockId}`. */
  selectedBlock: { runId: string; blockId: string } | null;
  page: number;
  zoom: number;
  syncScroll: boolean;
  syncPages: boolean;
}

const initialState: CompareState = {
  documentKey: null,
  paneRunIds: [],
  baselineRunId: null,
  selectedBlock: null,
  page: 1,
  zoom: 1,
  syncScroll: true,
  syncPages: true,
};

const useCompareStore = create<CompareState>()(() => initialState);

export const useSelectedDocumentKey = () =>
  useCompareStore((s) => s.documentKey);
export const usePaneRunIds = () => useCompareStore((s) => s.paneRunIds);
export const useBaselineRunId = () => useCompareStore((s) => s.baselineRunId);
export const useSelectedBlock = () => useCompareStore((s) => s.selectedBlock);
export const useComparePage = () => useCompareStore((s) => s.page);
export const useCompareZoom = () => useCompareStore((s) => s.zoom);
export const useSyncScroll = () => useCompareStore((s) => s.syncScroll);
export const useSyncPages = () => useCompareStore((s) => s.syncPages);

export const compareActions = {
  documentSelected(documentKey: string | null) {
    useCompareStore.setState({
      documentKey,
      paneRunIds: [],
      baselineRunId: null,
      selectedBlock: null,
      page: 1,
    });
  },
  panesChosen(runIds: string[]) {
    useCompareStore.setState({ paneRunIds: runIds });
  },
  baselineChosen(runId: string | null) {
    useCompareStore.setState({ baselineRunId: runId });
  },
  blockSelected(selection: { runId: string; blockId: string } | null) {
    useCompareStore.setState({ selectedBlock: selection });
  },
  pageChanged(page: number) {
    useCompareStore.setState({ page: Math.max(1, Math.floor(page)) });
  },
  zoomChanged(zoom: number) {
    useCompareStore.setState({ zoom: Math.min(4, Math.max(0.25, zoom)) });
  },
  syncScrollToggled(on: boolean) {
    useCompareStore.setState({ syncScroll: on });
  },
  syncPagesToggled(on: boolean) {
    useCompareStore.setState({ syncPages: on });
  },
  reset() {
    useCompareStore.setState(initialState);
  },
};

/** Non-React read access, for commands. */
export const getCompareState = (): CompareState => useCompareStore.getState();
