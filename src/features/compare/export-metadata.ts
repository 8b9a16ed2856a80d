import type { PaneInfo } from './pane-model';

/**
 * The run metadata that exports carry. Built field by field from PaneInfo (an
 * allowlist): nothing else of a run record, and never the API key, can reach
 * a file the user shares.
 */
export interface ExportRunMetadata {
  runId: string;
  pane: string;
  documentName: string;
  pipelineLabel: string;
  pipelineId: string;
  status: string;
  runDate: string | null;
  failure: string | null;
}

export function exportMetadata(pane: PaneInfo): ExportRunMetadata {
  const date = new Date(pane.runDate);
  return {
    runId: pane.runId,
    pane: pane.name,
    documentName: pane.documentName,
    pipelineLabel: pane.pipelineLabel,
    pipelineId: pane.pipelineId,
    status: pane.status,
    runDate: Number.isNaN(date.getTime()) ? null : date.toISOString(),
    failure: pane.failureMessage,
  };
}

/** A file name fragment safe on every OS. */
export function safeFileName(text: string): string {
  const cleaned = text
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return cleaned || 'export';
}
