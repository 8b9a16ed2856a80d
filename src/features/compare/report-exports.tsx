import type { NormalizedResult } from '@/results/model';
import { downloadText } from './download';
import { buildDifferencesCsv } from './export-csv';
import type { CsvPane } from './export-csv';
import { safeFileName } from './export-metadata';
import { buildCompareReport } from './export-report';
import type { ReportPane } from './export-report';

interface ReportExportsProps {
  documentName: string;
  baseline: NormalizedResult | null;
  panes: readonly ReportPane[];
}

/** Exports of the whole comparison: differences as CSV, the HTML report. */
export function ReportExports({
  documentName,
  baseline,
  panes,
}: ReportExportsProps) {
  const csvPanes: CsvPane[] = panes.flatMap(({ pane, result, comparison }) =>
    result && comparison ? [{ name: pane.name, result, comparison }] : [],
  );
  const base = safeFileName(documentName);
  return (
    <div role="group" aria-label="Export the comparison">
      <button
        type="button"
        disabled={!baseline || csvPanes.length === 0}
        onClick={() => {
          if (!baseline) return;
          downloadText(
            `${base}-differences.csv`,
            buildDifferencesCsv(baseline, csvPanes),
            'text/csv;charset=utf-8',
          );
        }}
      >
        Export differences (CSV)
      </button>
      <button
        type="button"
        onClick={() =>
          downloadText(
            `${base}-comparison.html`,
            buildCompareReport({
              documentName,
              generatedAt: Date.now(),
              baseline,
              panes,
            }),
            'text/html;charset=utf-8',
          )
        }
      >
        Export report
      </button>
    </div>
  );
}
