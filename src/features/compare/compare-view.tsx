import { useMemo } from 'react';
import {
  compareActions,
  useBaselineRunId,
  usePaneRunIds,
  useSelectedDocumentKey,
  useSyncScroll,
} from '@/store/compare-store';
import { loadRunResult, useRunsForDocument } from '@/store/runs-store';
import { ComparePanes } from './compare-panes';
import { choosePaneRuns, toPaneInfos } from './pane-model';
import { usePaneResults } from './use-pane-results';
import type { LoadResult } from './use-pane-results';

const loadStoredResult: LoadResult = (runId) => loadRunResult(runId);

/**
 * The compare view of the selected document (compare store): one pane per
 * pipeline label (its latest completed run), or the runs chosen by hand
 * (compare over time). Results come from the runs store / IndexedDB.
 */
export function CompareView() {
  const documentKey = useSelectedDocumentKey();
  const runs = useRunsForDocument(documentKey);
  const paneRunIds = usePaneRunIds();
  const baselineRunId = useBaselineRunId();
  const syncScroll = useSyncScroll();

  const paneInfos = useMemo(
    () => toPaneInfos(choosePaneRuns(runs, paneRunIds)),
    [runs, paneRunIds],
  );
  const documentRuns = useMemo(() => toPaneInfos(runs), [runs]);
  const panes = usePaneResults(paneInfos, loadStoredResult);

  if (documentKey === null || panes.length === 0) {
    return (
      <section aria-label="Compare" className="compare">
        <h2>Compare</h2>
        <p>
          {documentKey === null
            ? 'Select a document to compare its runs side by side.'
            : 'This document has no runs yet.'}
        </p>
      </section>
    );
  }

  return (
    <ComparePanes
      documentKey={documentKey}
      documentName={runs[0]?.documentName ?? 'Document'}
      panes={panes}
      documentRuns={documentRuns}
      baselineRunId={baselineRunId}
      onBaselineChange={(runId) => compareActions.baselineChosen(runId)}
      onPanesChange={(runIds) => compareActions.panesChosen(runIds)}
      panesChosen={paneRunIds.length > 0}
      onShowLatest={() => compareActions.panesChosen([])}
      syncScroll={syncScroll}
      onSyncScrollChange={(on) => compareActions.syncScrollToggled(on)}
    />
  );
}
