/**
 * Synchronised scrolling across panes: scrolling one pane's view scrolls
 * the others to the same proportion of their height (or to the same offset
 * when heights are unknown, as in jsdom). Programmatic scrolls are
 * remembered so that their echo events do not bounce back.
 */
export interface ScrollSync {
  register(paneId: string, element: HTMLElement | null): void;
  scrolled(paneId: string): void;
  setEnabled(on: boolean): void;
  /**
   * Stops syncing for a moment: difference navigation scrolls each pane to
   * its own item (candidate and baseline counterpart), which proportional
   * syncing would otherwise undo.
   */
  suspend(ms: number): void;
}

export function createScrollSync(
  initiallyEnabled: boolean,
  now: () => number = () => performance.now(),
): ScrollSync {
  const scrollers = new Map<string, HTMLElement>();
  const expected = new Map<HTMLElement, number>();
  let enabled = initiallyEnabled;
  let suspendedUntil = -Infinity;
  return {
    suspend(ms) {
      suspendedUntil = now() + ms;
      expected.clear();
    },
    register(paneId, element) {
      if (element) scrollers.set(paneId, element);
      else scrollers.delete(paneId);
    },
    setEnabled(on) {
      enabled = on;
    },
    scrolled(paneId) {
      const source = scrollers.get(paneId);
      if (!source) return;
      const echo = expected.get(source);
      if (echo !== undefined) {
        expected.delete(source);
        if (Math.abs(echo - source.scrollTop) <= 1) return;
      }
      if (!enabled || now() < suspendedUntil) return;
      const sourceRange = source.scrollHeight - source.clientHeight;
      for (const [id, target] of scrollers) {
        if (id === paneId) continue;
        const targetRange = target.scrollHeight - target.clientHeight;
        const top =
          sourceRange > 0 && targetRange > 0
            ? (source.scrollTop / sourceRange) * targetRange
            : source.scrollTop;
        if (Math.abs(target.scrollTop - top) <= 1) continue;
        expected.set(target, top);
        target.scrollTop = top;
      }
    },
  };
}
