import { useEffect, useMemo, useState } from 'react';
import { diffInWorker } from '@/results/diff-client';
import type { Comparison } from '@/results/model';
import type { PaneComparison, PaneData } from './pane-model';
import { yieldToMain } from './yield-to-main';

const pairKey = (baselineId: string, runId: string) => `${baselineId}→${runId}`;

/**
 * Each non-baseline pane's comparison against the baseline, computed by
 * diffInWorker (a Web Worker for big results, the main thread for small
 * ones). 'pending' while it runs; null when either side has no result.
 */
export function useComparisons(
  panes: readonly PaneData[],
  baselineId: string | null,
): Record<string, PaneComparison> {
  const [done, setDone] = useState<Record<string, Comparison | null>>({});
  const baseline = panes.find((pane) => pane.runId === baselineId) ?? null;
  const baselineResult = baseline?.result ?? null;

  const candidates = panes.filter(
    (pane) => pane.runId !== baselineId && pane.result !== null,
  );
  const missing =
    baselineResult && baselineId !== null
      ? candidates.filter((pane) => !(pairKey(baselineId, pane.runId) in done))
      : [];
  const missingKey = missing.map((pane) => pane.runId).join('|');

  useEffect(() => {
    if (missingKey === '' || !baselineResult || baselineId === null) return;
    const controller = new AbortController();
    for (const runId of missingKey.split('|')) {
      const candidate = panes.find((pane) => pane.runId === runId)?.result;
      if (!candidate) continue;
      // Preparing a big diff for the worker (packing and posting 50,000
      // blocks) takes tens of ms: a task of its own rather than the end of
      // the first screen's render. (Cancelled meanwhile, diffInWorker
      // rejects with an AbortError at once.)
      yieldToMain()
        .then(() =>
          diffInWorker(baselineResult, candidate, {
            signal: controller.signal,
          }),
        )
        .then(
          (comparison) =>
            setDone((previous) => ({
              ...previous,
              [pairKey(baselineId, runId)]: comparison,
            })),
          (error: unknown) => {
            // Cancelled because the panes changed: nothing to report.
            if (error instanceof DOMException && error.name === 'AbortError') {
              return;
            }
            console.error('Comparison failed', error);
            // Shown as "no comparison" rather than "Comparing…" forever.
            setDone((previous) => ({
              ...previous,
              [pairKey(baselineId, runId)]: null,
            }));
          },
        );
    }
    return () => controller.abort();
    // `panes` is read for the results of the ids in missingKey only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [missingKey, baselineResult, baselineId]);

  // Stable identity between renders: the views memoise on it.
  return useMemo(() => {
    const comparisons: Record<string, PaneComparison> = {};
    for (const pane of panes) {
      if (
        pane.runId === baselineId ||
        !pane.result ||
        !baselineResult ||
        baselineId === null
      ) {
        comparisons[pane.runId] = null;
        continue;
      }
      const key = pairKey(baselineId, pane.runId);
      comparisons[pane.runId] = key in done ? (done[key] ?? null) : 'pending';
    }
    return comparisons;
  }, [panes, baselineId, baselineResult, done]);
}
