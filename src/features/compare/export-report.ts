import type {
  BlockDiff,
  Comparison,
  DiffSegment,
  NormalizedResult,
} from '@/results/model';
import { diffSides, diffTypeLabel } from './block-lookup';
import { escapeHtml as esc } from './escape-html';
import { valueText } from './export-markdown';
import { formatDate, formatDelta, formatMetric } from './format';
import type { MetricKind } from './format';
import type { PaneInfo } from './pane-model';
import { statusText } from './status-marks';

export interface ReportPane {
  pane: PaneInfo;
  result: NormalizedResult | null;
  comparison: Comparison | null;
  isBaseline: boolean;
}

export interface ReportInput {
  documentName: string;
  generatedAt: number;
  baseline: NormalizedResult | null;
  panes: readonly ReportPane[];
}

/** Rows listed per pane; beyond this the report says how many were left out. */
const MAX_BLOCK_ROWS = 2000;

/**
 * A self-contained HTML comparison report: inline CSS, no scripts (a CSP meta
 * forbids them as a second line of defence), every piece of document text
 * HTML-escaped. Opens from disk in any browser.
 */
export function buildCompareReport(input: ReportInput): string {
  const baselinePane = input.panes.find((p) => p.isBaseline);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Comparison report: ${esc(input.documentName)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>Comparison report: ${esc(input.documentName)}</h1>
<p>Generated ${esc(formatDate(input.generatedAt))}. Baseline: ${esc(baselinePane?.pane.name ?? 'none')}. ${input.panes.length} pane${input.panes.length === 1 ? '' : 's'}.</p>
${summaryTable(input.panes)}
${input.panes.map((pane) => paneSection(pane, input.baseline)).join('\n')}
</body>
</html>
`;
}

function summaryTable(panes: readonly ReportPane[]): string {
  const rows = panes.map(({ pane, result, comparison, isBaseline }) => {
    const m = result?.metrics;
    const d = comparison?.metricDeltas;
    const c = comparison?.counts;
    const metric = (
      value: number | null | undefined,
      delta: number | null | undefined,
      kind: MetricKind,
    ) =>
      m === undefined
        ? '—'
        : `${formatMetric(value ?? null, kind)}${d ? ` (${formatDelta(delta ?? null, kind)})` : ''}`;
    return `<tr><th scope="row">${esc(pane.name)}${isBaseline ? ' <strong>(Baseline)</strong>' : ''}</th>
<td>${esc(pane.pipelineId)}</td><td>${esc(pane.status)}</td><td>${esc(formatDate(pane.runDate))}</td>
<td>${esc(metric(m?.durationSec, d?.durationSec, 'duration'))}</td>
<td>${esc(metric(m?.pages, d?.pages, 'count'))}</td>
<td>${esc(metric(m?.credits, d?.credits, 'credits'))}</td>
<td>${esc(metric(m?.chunkCount, d?.chunkCount, 'count'))}</td>
<td>${esc(metric(m?.blockCount, d?.blockCount, 'count'))}</td>
<td>${esc(metric(m?.lowConfidenceCount, d?.lowConfidenceCount, 'count'))}</td>
<td>${c ? `${c.changed} changed, ${c.added} added, ${c.removed} removed, ${c.moved} moved, ${c.retyped} retyped` : isBaseline ? 'baseline' : '—'}</td>
<td>${c ? `${c.fieldsChanged} changed, ${c.fieldsAdded} added, ${c.fieldsRemoved} removed` : '—'}</td></tr>`;
  });
  return `<h2>Summary</h2>
<table>
<thead><tr><th scope="col">Pane</th><th scope="col">Pipeline ID</th><th scope="col">Status</th><th scope="col">Run date</th><th scope="col">Duration</th><th scope="col">Pages</th><th scope="col">Credits</th><th scope="col">Chunks</th><th scope="col">Blocks</th><th scope="col">Low-confidence blocks</th><th scope="col">Block differences</th><th scope="col">Field differences</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

function paneSection(
  { pane, result, comparison, isBaseline }: ReportPane,
  baseline: NormalizedResult | null,
): string {
  const heading = `<h2>${esc(pane.name)}${isBaseline ? ' (Baseline)' : ''}</h2>
<p>Pipeline ${esc(pane.pipelineId)}, run ${esc(formatDate(pane.runDate))}, status ${esc(pane.status)}.</p>`;
  if (!result) {
    const why = pane.failureMessage ? `: ${pane.failureMessage}` : '';
    return `<section>${heading}<p>No result (${esc(pane.status)}${esc(why)}).</p></section>`;
  }
  const byType = Object.entries(result.metrics.blocksByType)
    .map(([type, count]) => {
      const delta = comparison?.metricDeltas.blocksByType[type];
      return `<li>${esc(type)}: ${count}${delta !== undefined ? ` (${esc(formatDelta(delta, 'count'))})` : ''}</li>`;
    })
    .join('');
  const blocksByType = `<h3>Blocks by type</h3><ul>${byType || '<li>none</li>'}</ul>`;
  if (isBaseline || !comparison) {
    return `<section>${heading}${blocksByType}</section>`;
  }
  return `<section>${heading}${blocksByType}
${blockDiffTable(comparison.blockDiffs, result, baseline)}
${fieldDiffTable(comparison)}
${splitDiffTable(comparison)}</section>`;
}

function blockDiffTable(
  diffs: readonly BlockDiff[],
  result: NormalizedResult,
  baseline: NormalizedResult | null,
): string {
  const differing = diffs.filter((d) => d.status !== 'unchanged');
  if (differing.length === 0) {
    return '<h3>Block differences</h3><p>No block differences.</p>';
  }
  const rows = differing.slice(0, MAX_BLOCK_ROWS).map((diff) => {
    const { before, after } = diffSides(diff, result, baseline);
    const text = diff.segments
      ? segmentsHtml(diff.segments)
      : esc((after ?? before)?.text ?? '');
    return `<tr><td>${esc(statusText(diff.status))}${diff.changes
      .filter((c) => c !== diff.status)
      .map((c) => `, ${esc(statusText(c))}`)
      .join(
        '',
      )}</td><td>${diff.page}</td><td>${esc(diffTypeLabel(before, after))}</td><td class="text">${text}</td></tr>`;
  });
  const more =
    differing.length > MAX_BLOCK_ROWS
      ? `<p>${differing.length - MAX_BLOCK_ROWS} more block differences not listed.</p>`
      : '';
  return `<h3>Block differences (${differing.length})</h3>
<table><thead><tr><th scope="col">Status</th><th scope="col">Page</th><th scope="col">Type</th><th scope="col">Text (<ins>inserted</ins>, <del>deleted</del>)</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>${more}`;
}

function segmentsHtml(segments: readonly DiffSegment[]): string {
  return segments
    .map((s) =>
      s.op === 'insert'
        ? `<ins>${esc(s.text)}</ins>`
        : s.op === 'delete'
          ? `<del>${esc(s.text)}</del>`
          : esc(s.text),
    )
    .join('');
}

function fieldDiffTable(comparison: Comparison): string {
  const rows = comparison.extractDiffs
    .filter((d) => d.status !== 'unchanged')
    .map(
      (d) =>
        `<tr><td>${esc(d.path)}</td><td>${esc(statusText(d.status))}</td><td>${esc(valueText(d.oldValue))}</td><td>${esc(valueText(d.newValue))}</td></tr>`,
    );
  if (rows.length === 0) return '';
  return `<h3>Field differences (${rows.length})</h3>
<table><thead><tr><th scope="col">Field</th><th scope="col">Status</th><th scope="col">Baseline value</th><th scope="col">Value</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

function splitDiffTable(comparison: Comparison): string {
  const rows = comparison.splitDiffs
    .filter((d) => d.status !== 'unchanged')
    .map(
      (d) =>
        `<tr><td>${esc(d.name)}</td><td>${esc(statusText(d.status))}</td><td>${esc(d.oldPages?.join(', ') ?? '—')}</td><td>${esc(d.newPages?.join(', ') ?? '—')}</td></tr>`,
    );
  if (rows.length === 0) return '';
  return `<h3>Split differences (${rows.length})</h3>
<table><thead><tr><th scope="col">Split</th><th scope="col">Status</th><th scope="col">Baseline pages</th><th scope="col">Pages</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

const CSS = `
body{font-family:system-ui,sans-serif;line-height:1.45;margin:2rem;color:#111;background:#fff}
table{border-collapse:collapse;margin:0.5rem 0 1.5rem;width:100%}
th,td{border:1px solid #bbb;padding:0.25rem 0.5rem;text-align:left;vertical-align:top}
thead th{background:#eee}
td.text{white-space:pre-wrap}
ins{background:#d4f7d4;text-decoration:underline}
del{background:#fbd4d4;text-decoration:line-through}
section{border-top:2px solid #888;margin-top:2rem}
`;
