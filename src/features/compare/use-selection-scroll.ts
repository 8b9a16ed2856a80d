import { useEffect, useEffectEvent, useRef } from 'react';
import { compareActions } from '@/store/compare-store';
import { selectionKeyOf } from './selection-alignment';
import type { BlockSelection } from './selection-alignment';

/**
 * Brings a list's selected item into view when the selection changes (or
 * the list mounts with one: a tab switch), except after a click in this
 * very list, where the item is in view already and a jump would lose the
 * reader's place. Returns how the list selects a block.
 */
export function useSelectionScroll(
  selectionKey: string | null,
  index: number | null,
  scrollTo: (index: number) => void,
): (selection: BlockSelection | null) => void {
  const madeHere = useRef<string | null>(null);
  const scroll = useEffectEvent(scrollTo);
  useEffect(() => {
    const clickedHere =
      madeHere.current !== null && madeHere.current === selectionKey;
    madeHere.current = null;
    if (selectionKey !== null && index !== null && !clickedHere) scroll(index);
  }, [selectionKey, index]);
  return (selection) => {
    madeHere.current = selectionKeyOf(selection);
    compareActions.blockSelected(selection);
  };
}
