import { useLayoutEffect, useSyncExternalStore } from 'react';
import type { Comparison } from '@/results/model';

/**
 * Which Document-view panes are on screen, with what each needs to map a
 * block selection across panes: a selection is `{runId, blockId}` of
 * whichever pane it was made in, and a pane can only find its own aligned
 * block through the baseline: selection → baseline block id (using the
 * SELECTING pane's comparison) → this pane's block id (using its own).
 * Every pane view registers here so the others can do the first step.
 *
 * Module state rather than a store: it describes mounted components, not
 * app state, and nothing outside this folder needs it.
 */
export interface PaneEntry {
  isBaseline: boolean;
  comparison: Comparison | null;
}

const panes = new Map<string, PaneEntry>();
const listeners = new Set<() => void>();
let version = 0;

function changed() {
  version += 1;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Registers this pane while it is mounted; re-registers when it changes. */
export function useRegisterPane(
  runId: string,
  isBaseline: boolean,
  comparison: Comparison | null,
): void {
  // Layout effect: panes that mounted together see each other before paint.
  useLayoutEffect(() => {
    panes.set(runId, { isBaseline, comparison });
    changed();
    return () => {
      panes.delete(runId);
      changed();
    };
  }, [runId, isBaseline, comparison]);
}

/** Re-renders the caller when panes come or go; returns a snapshot reader. */
export function usePaneRegistry(): {
  get: (runId: string) => PaneEntry | undefined;
  baselineRunId: () => string | null;
} {
  useSyncExternalStore(
    subscribe,
    () => version,
    () => version,
  );
  return { get: (runId) => panes.get(runId), baselineRunId };
}

function baselineRunId(): string | null {
  for (const [runId, entry] of panes) if (entry.isBaseline) return runId;
  return null;
}
