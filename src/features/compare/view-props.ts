import type { Comparison, NormalizedResult } from '@/results/model';
import type { SelectionAlignment } from './selection-alignment';

/** What every view of a pane receives. */
export interface PaneViewProps {
  /** The pane's name, for accessible names of its lists and tables. */
  paneName: string;
  /** The pane's run, as named by the shared block selection. */
  runId: string;
  result: NormalizedResult;
  /** Null in the baseline pane. */
  baseline: NormalizedResult | null;
  /** Null in the baseline pane (or while comparing). */
  comparison: Comparison | null;
  /** The current difference, when it is in this pane. */
  current: { itemKey: string; position: number } | null;
  /** In the baseline pane: the baseline block id matching the current difference. */
  counterpartBlockId: string | null;
  /** Maps the shared block selection onto this pane's blocks. */
  alignment: SelectionAlignment;
  /** Called with the scrolling element, for synchronised scrolling. */
  scrollerRef: (element: HTMLElement | null) => void;
  onScroll: () => void;
}
