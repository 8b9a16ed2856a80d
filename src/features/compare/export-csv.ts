import type { Comparison, NormalizedResult } from '@/results/model';
import { diffSides, diffTypeLabel } from './block-lookup';
import { valueText } from './export-markdown';

export interface CsvPane {
  name: string;
  result: NormalizedResult;
  comparison: Comparison;
}

const HEADER = [
  'pane',
  'item',
  'page',
  'type',
  'status',
  'baseline',
  'candidate',
];

/**
 * One row per block, field and split difference of every non-baseline pane.
 * RFC 4180 quoting, CRLF line ends.
 */
export function buildDifferencesCsv(
  baseline: NormalizedResult,
  panes: readonly CsvPane[],
): string {
  const rows: string[][] = [HEADER];
  for (const pane of panes) {
    const { comparison, result } = pane;
    for (const diff of comparison.blockDiffs) {
      if (diff.status === 'unchanged') continue;
      const { before, after } = diffSides(diff, result, baseline);
      rows.push([
        pane.name,
        'block',
        String(diff.page),
        diffTypeLabel(before, after),
        [diff.status, ...diff.changes.filter((c) => c !== diff.status)].join(
          ' + ',
        ),
        before?.text ?? '',
        after?.text ?? '',
      ]);
    }
    for (const diff of comparison.extractDiffs) {
      if (diff.status === 'unchanged') continue;
      rows.push([
        pane.name,
        'field',
        '',
        diff.path,
        diff.status,
        valueText(diff.oldValue),
        valueText(diff.newValue),
      ]);
    }
    for (const diff of comparison.splitDiffs) {
      if (diff.status === 'unchanged') continue;
      rows.push([
        pane.name,
        'split',
        String(diff.newPages?.[0] ?? diff.oldPages?.[0] ?? ''),
        diff.name,
        diff.status,
        diff.oldPages?.join(' ') ?? '',
        diff.newPages?.join(' ') ?? '',
      ]);
    }
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * A CSV cell: a leading = + - @ (or tab/CR) gets a quote prefix so a
 * spreadsheet never runs document text as a formula; then RFC 4180 quoting.
 */
export function csvCell(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(guarded)
    ? `"${guarded.replace(/"/g, '""')}"`
    : guarded;
}
