import { exportMetadata } from './export-metadata';
import type { PaneInfo } from './pane-model';

/**
 * The shown result as JSON: run metadata (no secrets) and the response as
 * received. A response nested thousands of levels deep (JSON.parse accepts
 * it) overflows JSON.stringify's stack: that throws an Error saying so, for
 * the caller to show, instead of a bare RangeError.
 */
export function buildResultJson(pane: PaneInfo, response: unknown): string {
  try {
    return JSON.stringify(
      { run: exportMetadata(pane), response: response ?? null },
      null,
      2,
    );
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new Error(
      'the response is nested too deeply to be written out as JSON',
      { cause: error },
    );
  }
}
