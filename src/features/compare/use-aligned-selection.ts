import { useSelectedBlock } from '@/store/compare-store';
import { alignSelection, selectionKeyOf } from './selection-alignment';
import type {
  AlignedSelection,
  BlockSelection,
  SelectionAlignment,
} from './selection-alignment';

/**
 * The shared block selection (compare store) as the pane of `runId` sees
 * it, plus a key that changes whenever the selection does (effects that
 * scroll or turn pages depend on it).
 */
export function useAlignedSelection(
  runId: string,
  alignment: SelectionAlignment,
): {
  selection: BlockSelection | null;
  aligned: AlignedSelection;
  selectionKey: string | null;
} {
  const selection = useSelectedBlock();
  return {
    selection,
    aligned: alignSelection(selection, runId, alignment),
    selectionKey: selectionKeyOf(selection),
  };
}
