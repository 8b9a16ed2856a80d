import { useEffect, useMemo, useState } from 'react';
import { normalizeResponse } from '@/results/normalize';
import type { NormalizedResult } from '@/results/model';
import type { PaneData, PaneInfo } from './pane-model';
import { yieldToMain } from './yield-to-main';

interface Loaded {
  raw: unknown;
  result: NormalizedResult | null;
  error: string | null;
}

export type LoadResult = (runId: string) => Promise<unknown>;

/**
 * Reads and normalises the stored result of every completed pane. A result
 * is read once per mount; a failed read becomes a message on the pane.
 *
 * Reading a big result from IndexedDB (its structured-clone decoding runs
 * on the main thread) and normalising it each take about 100 ms on a
 * 25,000-block result: every result is normalised in a task of its own,
 * after its read, so no single task holds the page for both.
 */
export function usePaneResults(
  panes: readonly PaneInfo[],
  loadResult: LoadResult,
): PaneData[] {
  const [loaded, setLoaded] = useState<Record<string, Loaded>>({});
  const wanted = panes
    .filter((pane) => pane.status === 'completed' && !(pane.runId in loaded))
    .map((pane) => pane.runId);
  const wantedKey = wanted.join('|');

  useEffect(() => {
    if (wantedKey === '') return;
    let cancelled = false;
    const ids = wantedKey.split('|');
    void Promise.all(
      ids.map(async (runId): Promise<[string, Loaded]> => {
        try {
          const raw = await loadResult(runId);
          if (raw === undefined) {
            return [
              runId,
              {
                raw: null,
                result: null,
                error: 'The stored result of this run was not found.',
              },
            ];
          }
          await yieldToMain();
          // Left or re-run meanwhile: the entry is dropped, skip the work.
          if (cancelled) return [runId, { raw, result: null, error: null }];
          return [runId, { raw, result: normalizeResponse(raw), error: null }];
        } catch (error) {
          const message =
            error instanceof Error ? error.message : String(error);
          return [
            runId,
            {
              raw: null,
              result: null,
              error: `The stored result could not be read: ${message}`,
            },
          ];
        }
      }),
    ).then((entries) => {
      if (!cancelled) {
        setLoaded((previous) => ({
          ...previous,
          ...Object.fromEntries(entries),
        }));
      }
    });
    return () => {
      cancelled = true;
    };
  }, [wantedKey, loadResult]);

  // Stable identity between renders: the views memoise on it.
  return useMemo(
    () =>
      panes.map((pane) => {
        const entry = loaded[pane.runId];
        return {
          ...pane,
          raw: entry?.raw ?? null,
          result: pane.status === 'completed' ? (entry?.result ?? null) : null,
          loading: pane.status === 'completed' && entry === undefined,
          loadError: entry?.error ?? null,
        };
      }),
    [panes, loaded],
  );
}
