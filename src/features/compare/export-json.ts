import { exportMetadata } from './export-metadata';
import type { PaneInfo } from './pane-model';

/** The shown result as JSON: run metadata (no secrets) and the response as received. */
export function buildResultJson(pane: PaneInfo, response: unknown): string {
  return JSON.stringify(
    { run: exportMetadata(pane), response: response ?? null },
    null,
    2,
  );
}
