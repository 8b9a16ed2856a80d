import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type {
  Comparison,
  NormalizedBlock,
  NormalizedResult,
} from '@/results/model';
import {
  DEFAULT_PAGE_SIZE,
  fitWidthZoom,
  pageSizeAtZoom,
} from '@/results/geometry';
import { adjacentChangedPage } from '@/results/page-marks';
import { compareActions } from '@/store/compare-store';
import { baselineSelection } from '../selection-alignment';
import type { SelectionAlignment } from '../selection-alignment';
import { useAlignedSelection } from '../use-aligned-selection';
import { BlockBox, GhostBox } from './block-box';
import { PageList } from './page-list';
import { PageToolbar } from './page-toolbar';
import { PdfPageCanvas } from './pdf-page-canvas';
import { TypeLegend } from './type-legend';
import { useDocumentFile } from './use-document-file';
import { usePageAndZoom } from './use-page-and-zoom';
import { DOC_INDEX, usePaneModel } from './use-pane-model';
import { usePdfDocument, usePdfPageSize } from './use-pdf-document';
import './document-view.css';

export interface DocumentViewProps {
  runId: string;
  /** The pane's name (pipeline label), for the region's accessible name. */
  label: string;
  result: NormalizedResult;
  /** This pane against the baseline; null in the baseline pane. */
  comparison: Comparison | null;
  baseline: NormalizedResult | null;
  isBaseline: boolean;
  /** Key of the compared document in the documents store (for its File). */
  documentKey: string | null;
  /** Maps the shared block selection across panes (see selection-alignment). */
  alignment: SelectionAlignment;
  /**
   * The PDF to draw on, overriding the documents store and `pdf_url`
   * (benchmarks, or a caller that already holds the File).
   */
  pdfSource?: File | string | null;
}

/** Performance marks the benchmark (scripts/bench-document.ts) waits for. */
const PERF_MOUNTED = 'document-view:mounted';
const PERF_FIRST_PAGE = 'document-view:first-page';

/**
 * The Document view of one compare pane: the PDF page with every block's
 * box drawn over it, coloured by type, differences against the baseline
 * marked by outline and symbol, selection linked across panes.
 */
export function DocumentView({
  runId,
  label,
  result,
  comparison,
  baseline,
  isBaseline,
  documentKey,
  alignment,
  pdfSource,
}: DocumentViewProps) {
  const file = useDocumentFile(documentKey);
  const pdfUrl = result.documents[DOC_INDEX]?.pdfUrl ?? null;
  const source = pdfSource !== undefined ? pdfSource : (file ?? pdfUrl);
  const pdf = usePdfDocument(source);
  const doc = pdf.status === 'ready' ? pdf.doc : null;

  const model = usePaneModel(result, comparison, baseline);
  const pageCount = doc ? doc.numPages : model.pageCountFromBlocks;
  const { sync, page, zoom, goToPage, setZoom } = usePageAndZoom(pageCount);

  const [hiddenTypes, setHiddenTypes] = useState<ReadonlySet<string>>(
    () => new Set(),
  );
  const [lowOnly, setLowOnly] = useState(false);
  const [showBaseline, setShowBaseline] = useState(false);
  const [renderError, setRenderError] = useState<string | null>(null);

  // Selection, linked across panes through the baseline.
  const { selection, aligned, selectionKey } = useAlignedSelection(
    runId,
    alignment,
  );
  const alignedPage = aligned.own
    ? (model.blockById.get(aligned.own)?.page ?? null)
    : aligned.baselineId && model.removedIds.has(aligned.baselineId)
      ? (model.baselineById.get(aligned.baselineId)?.page ?? null)
      : null;
  const followSelection = useEffectEvent((target: number) => {
    // With shared pages, the pane the selection was made in turns the page
    // for all; otherwise every pane turns to its own aligned block.
    if (!sync || selection?.runId === runId) goToPage(target);
  });
  useEffect(() => {
    if (selectionKey !== null && alignedPage !== null) {
      followSelection(alignedPage);
    }
  }, [selectionKey, alignedPage]);

  // A box shown as selected (here or through the alignment) unselects.
  const select = (blockId: string) => {
    compareActions.blockSelected(
      aligned.own === blockId ? null : { runId, blockId },
    );
  };
  const selectRemoved = (baselineId: string) => {
    compareActions.blockSelected(
      aligned.baselineId === baselineId
        ? null
        : baselineSelection(alignment, baselineId),
    );
  };

  // Geometry of the current page.
  const pdfPageSize = usePdfPageSize(doc, page);
  const pageSize = pageSizeAtZoom(pdfPageSize ?? DEFAULT_PAGE_SIZE, zoom);
  const scroller = useRef<HTMLDivElement>(null);
  const fit = () => {
    const width = (scroller.current?.clientWidth ?? 0) - 24;
    setZoom(fitWidthZoom(pdfPageSize ?? DEFAULT_PAGE_SIZE, width));
  };

  // Open at "fit width" when the page at the untouched 100% would not fit
  // its pane (two or more panes side by side): a page cut off at the right
  // hides boxes. Once per view, and never over a zoom the user chose.
  const autoFitted = useRef(false);
  useEffect(() => {
    const available = (scroller.current?.clientWidth ?? 0) - 24;
    if (autoFitted.current || pdfPageSize === null || available <= 0) return;
    autoFitted.current = true;
    if (zoom === 1 && pdfPageSize.width > available) {
      setZoom(fitWidthZoom(pdfPageSize, available));
    }
  }, [pdfPageSize, zoom, setZoom]);

  const shown = (block: NormalizedBlock) =>
    block.box !== null &&
    !hiddenTypes.has(block.type) &&
    (!lowOnly || block.confidence === 'low');
  const pageBlocks = (model.blocksByPage.get(page) ?? []).filter(shown);
  const removedHere = (model.removedByPage.get(page) ?? []).filter(shown);
  const ghosts =
    showBaseline && !isBaseline
      ? (model.baselineByPage.get(page) ?? []).filter(
          (b) => b.box !== null && !hiddenTypes.has(b.type),
        )
      : [];

  const marks = model.marks;
  const previousChanged = adjacentChangedPage(model.changedPages, page, -1);
  const nextChanged = adjacentChangedPage(model.changedPages, page, 1);

  useEffect(() => {
    performance.mark(PERF_MOUNTED, { detail: { runId } });
  }, [runId]);
  const firstPageMarked = useRef(false);
  const onRendered = () => {
    setRenderError(null);
    if (!firstPageMarked.current) {
      firstPageMarked.current = true;
      performance.mark(PERF_FIRST_PAGE, { detail: { runId } });
    }
  };

  return (
    <section className="document-view" aria-label={`Document: ${label}`}>
      <PageToolbar
        page={page}
        pageCount={pageCount}
        zoom={zoom}
        sync={sync}
        previousChangedPage={previousChanged}
        nextChangedPage={nextChanged}
        changedPagesNote={
          isBaseline ? 'The baseline is not compared against anything' : null
        }
        onPage={goToPage}
        onZoom={setZoom}
        onFit={fit}
      />
      <div className="document-view__options">
        <TypeLegend
          types={model.types}
          hidden={hiddenTypes}
          showDifferenceKey={!isBaseline}
          onToggle={(type, show) =>
            setHiddenTypes((prev) => {
              const next = new Set(prev);
              if (show) next.delete(type);
              else next.add(type);
              return next;
            })
          }
        />
        <div className="document-view__switches">
          <label>
            <input
              type="checkbox"
              checked={lowOnly}
              onChange={(e) => setLowOnly(e.target.checked)}
            />
            Low-confidence only
          </label>
          {!isBaseline && baseline ? (
            <label>
              <input
                type="checkbox"
                checked={showBaseline}
                onChange={(e) => setShowBaseline(e.target.checked)}
              />
              Show baseline boxes
            </label>
          ) : null}
        </div>
      </div>
      <PdfMessage
        status={pdf.status}
        error={pdf.status === 'error' ? pdf.message : renderError}
      />
      {model.otherDocuments ? (
        <p className="document-view__note">
          This result covers several documents; only the first one is drawn.
        </p>
      ) : null}
      <div className="document-view__body">
        <PageList
          label={label}
          pageCount={pageCount}
          current={page}
          marks={marks}
          onPage={goToPage}
        />
        <div className="document-view__scroller" ref={scroller}>
          <div
            className="document-page"
            role="group"
            aria-label={`Page ${page} of ${pageCount}`}
            style={{ width: pageSize.width, height: pageSize.height }}
          >
            {doc ? (
              <PdfPageCanvas
                doc={doc}
                page={page}
                zoom={zoom}
                onRendered={onRendered}
                onError={setRenderError}
              />
            ) : null}
            {ghosts.map((block) => (
              <GhostBox
                key={`ghost-${block.id}`}
                block={block}
                pageWidth={pageSize.width}
                pageHeight={pageSize.height}
              />
            ))}
            {removedHere.map((block) => (
              <BlockBox
                key={`removed-${block.id}`}
                block={block}
                status="removed"
                pageWidth={pageSize.width}
                pageHeight={pageSize.height}
                selected={aligned.baselineId === block.id}
                onSelect={() => selectRemoved(block.id)}
              />
            ))}
            {pageBlocks.map((block) => (
              <BlockBox
                key={block.id}
                block={block}
                status={model.statusOf(block.id)}
                pageWidth={pageSize.width}
                pageHeight={pageSize.height}
                selected={aligned.own === block.id}
                onSelect={() => select(block.id)}
              />
            ))}
          </div>
          {pageBlocks.length === 0 && removedHere.length === 0 ? (
            <p className="document-view__note">
              {lowOnly
                ? 'No low-confidence blocks on this page.'
                : 'No blocks to show on this page.'}
            </p>
          ) : null}
        </div>
      </div>
    </section>
  );
}

export default DocumentView;

function PdfMessage({
  status,
  error,
}: {
  status: 'none' | 'loading' | 'ready' | 'error';
  error: string | null;
}) {
  if (status === 'ready' && !error) return null;
  const text =
    status === 'loading'
      ? 'Loading the PDF…'
      : status === 'none'
        ? 'The PDF is not at hand (neither the local file nor a PDF URL): boxes are drawn on blank US Letter pages.'
        : `Could not show the PDF: ${error ?? 'unknown error'}. Boxes are drawn on blank pages.`;
  return (
    <p className="document-view__message" role="status">
      {text}
    </p>
  );
}
