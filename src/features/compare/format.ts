/** Formatting of metrics and deltas for panes, exports and the report. */

export type MetricKind = 'duration' | 'count' | 'credits';

const numberFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

export function formatMetric(value: number | null, kind: MetricKind): string {
  if (value === null) return '—';
  return kind === 'duration' ? `${formatNumber(value)} s` : formatNumber(value);
}

/**
 * A delta with its sign and a word ("+1.2 s slower", "−3 fewer",
 * "no change"), so the direction never depends on colour.
 */
export function formatDelta(delta: number | null, kind: MetricKind): string {
  if (delta === null) return 'no comparison';
  if (Math.abs(delta) < 1e-9) return 'no change';
  const magnitude =
    kind === 'duration'
      ? `${formatNumber(Math.abs(delta))} s`
      : formatNumber(Math.abs(delta));
  const sign = delta > 0 ? '+' : '−';
  const word =
    kind === 'duration'
      ? delta > 0
        ? 'slower'
        : 'faster'
      : delta > 0
        ? 'more'
        : 'fewer';
  return `${sign}${magnitude} ${word}`;
}

export function formatDate(epochMs: number): string {
  const date = new Date(epochMs);
  if (Number.isNaN(date.getTime())) return 'unknown date';
  // ISO-like and locale-independent: stable in tests and exports.
  return date.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}
