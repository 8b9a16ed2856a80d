import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { Comparison } from '@/results/model';
import { compareActions, useSelectedBlock } from '@/store/compare-store';
import { listDifferences } from './differences';
import type { DifferenceRef } from './differences';
import { ComparePane } from './compare-pane';
import { formatDate } from './format';
import type { PaneData, PaneInfo } from './pane-model';
import { resolveBaselineId } from './pane-model';
import { ReportExports } from './report-exports';
import { createScrollSync } from './scroll-sync';
import {
  baselineSelection,
  createSelectionAlignment,
} from './selection-alignment';
import type { BlockSelection, SelectionAlignment } from './selection-alignment';
import { useComparisons } from './use-comparisons';
import { ViewTabs } from './view-tabs';
import './compare.css';
import { tabIdOf } from './views';
import type { ViewId } from './views';

export interface ComparePanesProps {
  documentKey: string;
  documentName: string;
  panes: readonly PaneData[];
  /** Every run of the document, newest first (run pickers, "Add a pane"). */
  documentRuns: readonly PaneInfo[];
  /** The chosen baseline; the first pane when null or not shown. */
  baselineRunId: string | null;
  onBaselineChange: (runId: string) => void;
  /** New explicit pane list (run picker, add, remove). */
  onPanesChange: (runIds: string[]) => void;
  /** True when the panes were chosen by hand (offers a way back). */
  panesChosen: boolean;
  onShowLatest: () => void;
  syncScroll: boolean;
  onSyncScrollChange: (on: boolean) => void;
}

/** Keys that step through differences (n/j next, p/k previous). */
const NEXT_KEYS = new Set(['n', 'j']);
const PREVIOUS_KEYS = new Set(['p', 'k']);

const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit']);

/** Shortcuts stay out of the way of typing (and of a select's type-ahead). */
function isTextEntry(target: EventTarget): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    (target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type)) ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/**
 * The compare view of one document: one pane per run, a baseline, shared
 * view tabs, difference navigation, synchronised scrolling and exports.
 * Presentational: runs and results come in as props.
 */
export function ComparePanes(props: ComparePanesProps) {
  const { panes, documentRuns } = props;
  const baselineId = resolveBaselineId(panes, props.baselineRunId);
  const baselinePane = panes.find((pane) => pane.runId === baselineId) ?? null;
  const baseline = baselinePane?.result ?? null;
  const comparisons = useComparisons(panes, baselineId);
  const alignment = useMemo(
    () => createSelectionAlignment(baselineId, comparisons),
    [baselineId, comparisons],
  );

  const [view, setView] = useState<ViewId>('content');
  // The current difference belongs to one view and one baseline: a change of
  // either starts over (no effect needed, the context is compared on read).
  const context = `${view}|${baselineId ?? ''}`;
  const [cursor, setCursor] = useState<{
    context: string;
    index: number;
  } | null>(null);

  const settled = (runId: string): Comparison | null => {
    const value = comparisons[runId];
    return value === 'pending' || value === undefined ? null : value;
  };
  const differences: DifferenceRef[] = useMemo(
    () =>
      listDifferences(
        panes.map((pane) => {
          const value = comparisons[pane.runId];
          return {
            runId: pane.runId,
            result: pane.result,
            comparison:
              pane.runId === baselineId || value === 'pending'
                ? null
                : (value ?? null),
          };
        }),
        baseline,
        view,
      ),
    [panes, comparisons, baselineId, baseline, view],
  );
  const index =
    cursor && cursor.context === context && cursor.index < differences.length
      ? cursor.index
      : null;
  const current = index !== null ? (differences[index] ?? null) : null;
  const comparing = Object.values(comparisons).some((c) => c === 'pending');

  const [scrollSync] = useState(() => createScrollSync(props.syncScroll));
  useEffect(
    () => scrollSync.setEnabled(props.syncScroll),
    [scrollSync, props.syncScroll],
  );
  // A new selection scrolls every pane to its own aligned block (the views'
  // effects, which run before this one): proportional syncing must not undo
  // that when their scroll events arrive.
  const selectedBlock = useSelectedBlock();
  const previousSelection = useRef(selectedBlock);
  useEffect(() => {
    if (selectedBlock === previousSelection.current) return;
    previousSelection.current = selectedBlock;
    if (selectedBlock) scrollSync.suspend(400);
  }, [scrollSync, selectedBlock]);

  const step = (delta: 1 | -1) => {
    const n = differences.length;
    if (n === 0) return;
    const next =
      index === null ? (delta === 1 ? 0 : n - 1) : (index + delta + n) % n;
    scrollSync.suspend(400);
    setCursor({ context, index: next });
    // The difference's block becomes the selection, so the views that show
    // no difference marks (the Document view, other panes) follow too.
    const target = selectionOf(differences[next], alignment);
    if (target) compareActions.blockSelected(target);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (isTextEntry(event.target)) return;
    const key = event.key.toLowerCase();
    if (NEXT_KEYS.has(key)) {
      event.preventDefault();
      step(1);
    } else if (PREVIOUS_KEYS.has(key)) {
      event.preventDefault();
      step(-1);
    }
  };

  const paneIds = panes.map((pane) => pane.runId);
  const panelIdOf = (runId: string) =>
    `compare-panel-${runId.replace(/[^\w-]/g, '_')}`;

  const reportPanes = useMemo(
    () =>
      panes.map((pane) => ({
        pane,
        result: pane.result,
        comparison: pane.runId === baselineId ? null : settled(pane.runId),
        isBaseline: pane.runId === baselineId,
      })),
    // settled reads comparisons.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [panes, baselineId, comparisons],
  );

  const addable = documentRuns.filter((run) => !paneIds.includes(run.runId));

  return (
    <section aria-label="Compare" className="compare" onKeyDown={onKeyDown}>
      <h2>Compare: {props.documentName}</h2>
      <div
        className="compare-toolbar"
        role="toolbar"
        aria-label="Compare tools"
      >
        <label>
          Baseline
          <select
            value={baselineId ?? ''}
            onChange={(event) => props.onBaselineChange(event.target.value)}
          >
            {panes.map((pane) => (
              <option key={pane.runId} value={pane.runId}>
                {pane.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={props.syncScroll}
            onChange={(event) => props.onSyncScrollChange(event.target.checked)}
          />
          Sync scrolling
        </label>
        <label>
          Add a run as a pane
          <select
            value=""
            disabled={addable.length === 0}
            onChange={(event) => {
              if (event.target.value) {
                props.onPanesChange([...paneIds, event.target.value]);
              }
            }}
          >
            <option value="">Choose a run…</option>
            {addable.map((run) => (
              <option key={run.runId} value={run.runId}>
                {run.pipelineLabel} · {formatDate(run.runDate)} · {run.status}
              </option>
            ))}
          </select>
        </label>
        {props.panesChosen && (
          <button type="button" onClick={props.onShowLatest}>
            Show the latest run per pipeline
          </button>
        )}
        <ReportExports
          documentName={props.documentName}
          baseline={baseline}
          panes={reportPanes}
        />
      </div>
      <ViewTabs
        view={view}
        onChange={setView}
        panelIds={panes.map((pane) => panelIdOf(pane.runId))}
      />
      <div className="difference-nav" role="group" aria-label="Differences">
        <button
          type="button"
          onClick={() => step(-1)}
          disabled={differences.length === 0}
        >
          Previous difference
        </button>
        <button
          type="button"
          onClick={() => step(1)}
          disabled={differences.length === 0}
        >
          Next difference
        </button>
        <span role="status">
          {comparing
            ? 'Comparing…'
            : differences.length === 0
              ? 'No differences in this view'
              : index === null
                ? `${differences.length} differences`
                : `Difference ${index + 1} of ${differences.length}`}
        </span>
        <span className="shortcut-hint">
          Keys: n or j next, p or k previous
        </span>
      </div>
      {!baseline && panes.length > 1 && (
        <p role="note">
          The baseline has no result, so nothing is compared. Choose another
          baseline.
        </p>
      )}
      <div
        className="compare-grid"
        style={{
          gridTemplateColumns: `repeat(${Math.max(1, panes.length)}, minmax(20rem, 1fr))`,
        }}
      >
        {panes.map((pane, paneIndex) => {
          const isBaseline = pane.runId === baselineId;
          const mine = current?.paneRunId === pane.runId ? current : null;
          return (
            <ComparePane
              key={pane.runId}
              pane={pane}
              isBaseline={isBaseline}
              baseline={baseline}
              comparison={comparisons[pane.runId] ?? null}
              view={view}
              tabId={tabIdOf(view)}
              panelId={panelIdOf(pane.runId)}
              current={mine}
              counterpartBlockId={
                isBaseline ? (current?.baselineBlockId ?? null) : null
              }
              alignment={alignment}
              documentRuns={documentRuns}
              onRunChange={(runId) => {
                const next = [...paneIds];
                next[paneIndex] = runId;
                props.onPanesChange(next);
              }}
              onRemove={
                panes.length > 1
                  ? () =>
                      props.onPanesChange(
                        paneIds.filter((id) => id !== pane.runId),
                      )
                  : undefined
              }
              scrollerRef={(element) =>
                scrollSync.register(pane.runId, element)
              }
              onScroll={() => scrollSync.scrolled(pane.runId)}
              documentKey={props.documentKey}
            />
          );
        })}
      </div>
    </section>
  );
}

/** The block selection that stands for a difference, if it is a block's. */
function selectionOf(
  difference: DifferenceRef | undefined,
  alignment: SelectionAlignment,
): BlockSelection | null {
  const block = difference?.block;
  if (!difference || !block) return null;
  if (block.candidateId !== null) {
    return { runId: difference.paneRunId, blockId: block.candidateId };
  }
  return block.baselineId !== null
    ? baselineSelection(alignment, block.baselineId)
    : null;
}
