const BYTE_UNITS = ['KB', 'MB', 'GB', 'TB'] as const;

/**
 * A byte count as people read it: "0 B", "812 B", "1.5 MB", "5 GB".
 * Decimal units (1 KB = 1000 B), the way file managers and Reducto's own
 * limits ("100 MB", "5 GB") count.
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return 'unknown size';
  if (bytes < 1000) return `${Math.round(bytes)} B`;
  let value = bytes;
  let unit: string = 'B';
  for (const next of BYTE_UNITS) {
    if (value < 1000) break;
    value /= 1000;
    unit = next;
  }
  // One decimal below 10 ("1.5 MB"), none above ("120 MB"); drop ".0".
  const rounded = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  return `${rounded} ${unit}`;
}

/**
 * A duration as people read it: "350 ms", "4.2 s", "2 min 05 s",
 * "1 h 02 min".
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return 'unknown';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) {
    return `${seconds < 10 ? Math.round(seconds * 10) / 10 : Math.round(seconds)} s`;
  }
  const totalSeconds = Math.round(seconds);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const secs = totalSeconds % 60;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  return `${minutes} min ${String(secs).padStart(2, '0')} s`;
}

/** "1 page", "3 pages", "page count unknown". */
export function formatPageCount(pages: number | null | undefined): string {
  if (pages == null) return 'page count unknown';
  return pages === 1 ? '1 page' : `${pages} pages`;
}
