import type { MetricDeltas, ResultMetrics } from '@/results/model';
import { formatDelta, formatMetric } from './format';
import type { MetricKind } from './format';

interface PaneMetricsProps {
  paneName: string;
  metrics: ResultMetrics;
  /** Null for the baseline pane. */
  deltas: MetricDeltas | null;
}

interface Row {
  name: string;
  value: number | null;
  delta: number | null | undefined;
  kind: MetricKind;
}

/** Metrics with their change against the baseline (sign and word). */
export function PaneMetrics({ paneName, metrics, deltas }: PaneMetricsProps) {
  const rows: Row[] = [
    {
      name: 'Duration',
      value: metrics.durationSec,
      delta: deltas?.durationSec,
      kind: 'duration',
    },
    {
      name: 'Pages',
      value: metrics.pages,
      delta: deltas?.pages,
      kind: 'count',
    },
    {
      name: 'Credits',
      value: metrics.credits,
      delta: deltas?.credits,
      kind: 'credits',
    },
    {
      name: 'Chunks',
      value: metrics.chunkCount,
      delta: deltas?.chunkCount,
      kind: 'count',
    },
    {
      name: 'Blocks',
      value: metrics.blockCount,
      delta: deltas?.blockCount,
      kind: 'count',
    },
    {
      name: 'Low-confidence blocks',
      value: metrics.lowConfidenceCount,
      delta: deltas?.lowConfidenceCount,
      kind: 'count',
    },
  ];
  const types = new Set([
    ...Object.keys(metrics.blocksByType),
    ...Object.keys(deltas?.blocksByType ?? {}),
  ]);
  for (const type of [...types].sort()) {
    rows.push({
      name: `${type} blocks`,
      value: metrics.blocksByType[type] ?? 0,
      delta: deltas?.blocksByType[type],
      kind: 'count',
    });
  }
  return (
    <table className="data-table metrics-table">
      <caption>Metrics of {paneName}</caption>
      <thead>
        <tr>
          <th scope="col">Metric</th>
          <th scope="col">Value</th>
          {deltas && <th scope="col">Change vs baseline</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name}>
            <th scope="row">{row.name}</th>
            <td>{formatMetric(row.value, row.kind)}</td>
            {deltas && <td>{formatDelta(row.delta ?? null, row.kind)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
