import type { NormalizedResult } from '@/results/model';
import { BlocksView } from './blocks-view';
import { ContentView } from './content-view';
import { CurrentDifferenceNote } from './current-difference-note';
import { DocumentTab } from './document-tab';
import { ExtractView } from './extract-view';
import { formatDate } from './format';
import { JsonPaneView } from './json-view';
import { PaneExports } from './pane-exports';
import type { PaneComparison, PaneData, PaneInfo } from './pane-model';
import { PaneMetrics } from './pane-metrics';
import { PaneStatus } from './pane-status';
import { PaneSummary } from './pane-summary';
import type { SelectionAlignment } from './selection-alignment';
import { SplitView } from './split-view';
import type { PaneViewProps } from './view-props';
import type { ViewId } from './views';

export interface ComparePaneProps {
  pane: PaneData;
  isBaseline: boolean;
  baseline: NormalizedResult | null;
  comparison: PaneComparison;
  view: ViewId;
  /** Id of the shared tab that labels this pane's view panel. */
  tabId: string;
  panelId: string;
  current: { itemKey: string; position: number } | null;
  counterpartBlockId: string | null;
  /** Maps the shared block selection across panes. */
  alignment: SelectionAlignment;
  /** Every run of the document, newest first, for the run picker. */
  documentRuns: readonly PaneInfo[];
  onRunChange: (runId: string) => void;
  /** Absent when the pane is the only one. */
  onRemove?: () => void;
  scrollerRef: (element: HTMLElement | null) => void;
  onScroll: () => void;
  documentKey: string;
}

/** One run of the document: header, summary, metrics, the shared view. */
export function ComparePane(props: ComparePaneProps) {
  const { pane, isBaseline, comparison } = props;
  const result = pane.result;
  const settled = comparison === 'pending' ? null : comparison;
  return (
    <section aria-label={pane.name} className="compare-pane">
      <header className="pane-header">
        <h3>
          {pane.name}
          {isBaseline && <span className="baseline-badge"> Baseline</span>}
        </h3>
        <dl className="pane-facts">
          <dt>Pipeline ID</dt>
          <dd>
            <code>{pane.pipelineId}</code>
          </dd>
          <dt>Status</dt>
          <dd>{pane.status}</dd>
          <dt>Run date</dt>
          <dd>{formatDate(pane.runDate)}</dd>
        </dl>
        <label className="run-picker">
          Run shown in {pane.name}
          <select
            value={pane.runId}
            onChange={(event) => props.onRunChange(event.target.value)}
          >
            {props.documentRuns.map((run) => (
              <option key={run.runId} value={run.runId}>
                {run.pipelineLabel} · {formatDate(run.runDate)} · {run.status}
              </option>
            ))}
          </select>
        </label>
        {props.onRemove && (
          <button type="button" onClick={props.onRemove}>
            Remove pane {pane.name}
          </button>
        )}
      </header>
      {/* Always the same five rows, so that CSS subgrid lines them up
          across panes and the views start at the same height. */}
      <div className="pane-slot">
        {result && <PaneExports pane={pane} raw={pane.raw} result={result} />}
      </div>
      <div className="pane-slot">
        {result && comparison === 'pending' && <p role="status">Comparing…</p>}
        {result && settled && <PaneSummary counts={settled.counts} />}
      </div>
      <div className="pane-slot">
        {result && (
          <PaneMetrics
            paneName={pane.name}
            metrics={result.metrics}
            deltas={settled?.metricDeltas ?? null}
          />
        )}
      </div>
      <div
        role="tabpanel"
        id={props.panelId}
        aria-labelledby={props.tabId}
        className="pane-view"
      >
        {result ? (
          <PaneView {...props} result={result} comparison={settled} />
        ) : (
          <PaneStatus pane={pane} />
        )}
      </div>
    </section>
  );
}

function PaneView(
  props: Omit<ComparePaneProps, 'comparison'> & {
    result: NormalizedResult;
    comparison: PaneViewProps['comparison'];
  },
) {
  const { pane, result, view } = props;
  const viewProps: PaneViewProps = {
    paneName: pane.name,
    runId: pane.runId,
    result,
    baseline: props.isBaseline ? null : props.baseline,
    comparison: props.isBaseline ? null : props.comparison,
    current: props.current,
    counterpartBlockId: props.counterpartBlockId,
    alignment: props.alignment,
    scrollerRef: props.scrollerRef,
    onScroll: props.onScroll,
  };
  if (result.kind === 'unknown') {
    return (
      <>
        <p role="note">
          This result has a shape the app does not recognise, so it is shown as
          JSON.
        </p>
        <JsonPaneView
          paneName={pane.name}
          raw={pane.raw}
          scrollerRef={props.scrollerRef}
          onScroll={props.onScroll}
        />
      </>
    );
  }
  switch (view) {
    case 'content':
      return <ContentView {...viewProps} />;
    case 'blocks':
      return <BlocksView {...viewProps} />;
    case 'extract':
      return <ExtractView {...viewProps} />;
    case 'split':
      return <SplitView {...viewProps} />;
    case 'json':
      return (
        <>
          {props.current && !props.isBaseline && (
            <CurrentDifferenceNote
              result={result}
              baseline={props.baseline}
              comparison={props.comparison}
              position={props.current.position}
            />
          )}
          <JsonPaneView
            paneName={pane.name}
            raw={pane.raw}
            scrollerRef={props.scrollerRef}
            onScroll={props.onScroll}
          />
        </>
      );
    case 'document':
      return (
        <>
          {props.current && !props.isBaseline && (
            <CurrentDifferenceNote
              result={result}
              baseline={props.baseline}
              comparison={props.comparison}
              position={props.current.position}
            />
          )}
          <DocumentTab
            runId={pane.runId}
            label={pane.name}
            result={result}
            comparison={viewProps.comparison}
            baseline={viewProps.baseline}
            isBaseline={props.isBaseline}
            documentKey={props.documentKey}
            alignment={props.alignment}
          />
        </>
      );
  }
}
