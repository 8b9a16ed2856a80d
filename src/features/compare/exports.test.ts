import { compareResults } from '@/results/compare';
import { buildDifferencesCsv, csvCell } from './export-csv';
import { buildResultJson } from './export-json';
import { buildResultMarkdown } from './export-markdown';
import { buildCompareReport } from './export-report';
import { toPaneInfos } from './pane-model';
import { buildResult, buildRun } from './testing/fixtures';

const SECRET = 'sk-live-very-secret-key';

const baseline = buildResult({
  blocks: [
    { type: 'Title', text: 'Invoice 42' },
    { text: 'Total due: 100 EUR' },
    { text: 'Thanks for your business' },
  ],
  chunkContent: [
    '# Invoice 42\n\n| Item | Price |\n| --- | --- |\n| Pen | 2 |',
  ],
  extract: [
    { path: 'total', value: 100 },
    { path: 'currency', value: 'EUR' },
  ],
});
const candidate = buildResult({
  blocks: [
    { type: 'Title', text: 'Invoice 42' },
    { text: 'Total due: 120 EUR' },
    { text: '=HYPERLINK("http://evil")' },
    { text: 'He said "hi", then left\nnew line' },
  ],
  chunkContent: ['# Invoice 42\n\nSecond version <script>alert(1)</script>'],
  extract: [
    { path: 'total', value: 120 },
    { path: 'due_date', value: '2026-01-31' },
  ],
});
const comparison = compareResults(baseline, candidate);

// A run record carrying a stray secret: the allowlist must drop it.
const [basePane, candPane] = toPaneInfos([
  buildRun({ pipelineLabel: 'invoices v3', pipelineId: 'pl-v3' }),
  {
    ...buildRun({ pipelineLabel: 'invoices v4', pipelineId: 'pl-v4' }),
    apiKey: SECRET,
  } as ReturnType<typeof buildRun>,
]);
if (!basePane || !candPane) throw new Error('fixture');

beforeEach(() => {
  sessionStorage.setItem('reducto.apiKey', SECRET);
});

describe('JSON export', () => {
  it('parses back to the run metadata and the response as received', () => {
    const raw = { job_id: 'j1', result: { parse: null } };
    const parsed = JSON.parse(buildResultJson(candPane, raw)) as {
      run: Record<string, unknown>;
      response: unknown;
    };
    expect(parsed.response).toEqual(raw);
    expect(parsed.run).toMatchObject({
      pane: 'invoices v4',
      pipelineId: 'pl-v4',
      documentName: 'invoice.pdf',
      status: 'completed',
    });
  });

  it('never contains the API key, even when the run record carries one', () => {
    expect(buildResultJson(candPane, {})).not.toContain(SECRET);
  });
});

describe('Markdown export', () => {
  it('has a heading and every chunk of the result', () => {
    const md = buildResultMarkdown(basePane, baseline);
    expect(md).toMatch(/^# invoice\.pdf: invoices v3/);
    expect(md).toContain('| Item | Price |');
    expect(md).toContain('## Extracted fields');
    expect(md).toContain('| total | 100 |');
    expect(md).not.toContain(SECRET);
  });
});

describe('CSV export', () => {
  const csv = buildDifferencesCsv(baseline, [
    { name: 'invoices v4', result: candidate, comparison },
  ]);
  const lines = csv.split('\r\n');

  it('has a header and one row per block or field difference', () => {
    expect(lines[0]).toBe('pane,item,page,type,status,baseline,candidate');
    const blockDiffs = comparison.blockDiffs.filter(
      (d) => d.status !== 'unchanged',
    ).length;
    const fieldDiffs = comparison.extractDiffs.filter(
      (d) => d.status !== 'unchanged',
    ).length;
    // Quoted newlines inside cells: count records by the pane column.
    const records = csv.match(/\r\ninvoices v4,/g) ?? [];
    expect(records).toHaveLength(blockDiffs + fieldDiffs);
    expect(csv).toContain(
      'invoices v4,block,1,Text,changed,Total due: 100 EUR,Total due: 120 EUR',
    );
    expect(csv).toContain('invoices v4,field,,total,changed,100,120');
    expect(csv).toContain('invoices v4,field,,due_date,added,,2026-01-31');
  });

  it('quotes commas, quotes and newlines', () => {
    expect(csv).toContain('"He said ""hi"", then left\nnew line"');
  });

  it('prefixes formula-like text with a quote', () => {
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('plain')).toBe('plain');
  });

  it('never contains the API key', () => {
    expect(csv).not.toContain(SECRET);
  });
});

describe('HTML report', () => {
  const html = buildCompareReport({
    documentName: 'invoice <b>.pdf',
    generatedAt: Date.UTC(2026, 0, 2),
    baseline,
    panes: [
      { pane: basePane, result: baseline, comparison: null, isBaseline: true },
      { pane: candPane, result: candidate, comparison, isBaseline: false },
    ],
  });
  const doc = new DOMParser().parseFromString(html, 'text/html');

  it('is a complete page with inline CSS and no scripts', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(doc.querySelector('style')?.textContent).toContain('table');
    expect(doc.querySelector('link')).toBeNull();
  });

  it('has every pane, the baseline marked, and the block differences', () => {
    const headings = [...doc.querySelectorAll('h2')].map((h) => h.textContent);
    expect(headings).toContain('invoices v3 (Baseline)');
    expect(headings).toContain('invoices v4');
    expect(doc.body.textContent).toContain('± changed');
    expect(doc.querySelector('td ins')?.textContent).toContain('120');
    expect(doc.querySelector('td del')?.textContent).toContain('100');
    expect(doc.body.textContent).toContain('Field differences');
  });

  it('escapes document text', () => {
    const evil = buildResult({
      blocks: [{ text: 'Safe' }],
    });
    const evilCandidate = buildResult({
      blocks: [{ text: 'Safe' }, { text: '<script>alert(1)</script>' }],
    });
    const report = buildCompareReport({
      documentName: 'x.pdf',
      generatedAt: 0,
      baseline: evil,
      panes: [
        { pane: basePane, result: evil, comparison: null, isBaseline: true },
        {
          pane: candPane,
          result: evilCandidate,
          comparison: compareResults(evil, evilCandidate),
          isBaseline: false,
        },
      ],
    });
    expect(report).not.toContain('<script>');
    expect(report).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('invoice &lt;b&gt;.pdf');
  });

  it('never contains the API key', () => {
    expect(html).not.toContain(SECRET);
  });
});
