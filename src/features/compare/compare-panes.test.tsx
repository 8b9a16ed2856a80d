import { act, useState } from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { NormalizedResult } from '@/results/model';
import { compareActions } from '@/store/compare-store';
import { ComparePanes } from './compare-panes';
import type { PaneData } from './pane-model';
import { toPaneInfos } from './pane-model';
import type { BlockSpec, ResultSpec } from './testing/fixtures';
import { buildResult, buildRun } from './testing/fixtures';

const box = (top: number) => ({ left: 0.1, top, width: 0.8, height: 0.04 });

const baseBlocks: BlockSpec[] = [
  { type: 'Title', text: 'Invoice 42', box: box(0.05) },
  { text: 'Total due: 100 EUR', box: box(0.2) },
  { text: 'Pay within thirty days of the invoice date', box: box(0.3) },
  { text: 'Thanks for your business and see you soon', box: box(0.4) },
  { type: 'Text', text: 'Acme Corporation Ltd', box: box(0.5) },
];

const v3Spec: ResultSpec = {
  blocks: baseBlocks,
  chunks: [
    [0, 1],
    [2, 3, 4],
  ],
  chunkContent: [
    '# Invoice 42\n\n| Item | Price |\n| --- | --- |\n| Pen | 2 |',
    'Pay within thirty days',
  ],
  extract: [
    { path: 'total', value: 100 },
    { path: 'currency', value: 'EUR' },
  ],
  split: [
    { name: 'Invoice', pages: [1, 2] },
    { name: 'Terms', pages: [3] },
  ],
  durationSec: 2,
  credits: 4,
};

// v4 against v3: one block changed, one moved, one retyped, one removed,
// one added; a field changed, one removed, one added; a split changed.
const v4Spec: ResultSpec = {
  blocks: [
    { type: 'Title', text: 'Invoice 42', box: box(0.05) },
    { text: 'Total due: 120 EUR', box: box(0.2) },
    { text: 'Pay within thirty days of the invoice date', box: box(0.8) },
    { type: 'Section Header', text: 'Acme Corporation Ltd', box: box(0.5) },
    { text: 'A brand new closing remark here', box: box(0.9) },
  ],
  chunks: [
    [0, 1],
    [2, 3, 4],
  ],
  chunkContent: [
    '# Invoice 42\n\nTotal due: 120 EUR',
    'Pay within thirty days',
  ],
  extract: [
    { path: 'total', value: 120 },
    { path: 'due_date', value: '2026-01-31' },
  ],
  split: [
    { name: 'Invoice', pages: [1] },
    { name: 'Terms', pages: [3] },
  ],
  durationSec: 3.5,
  credits: 4,
};

interface PaneSpec {
  label: string;
  result: NormalizedResult | null;
  raw?: unknown;
  status?: PaneData['status'];
  failure?: string;
}

function renderCompare(specs: PaneSpec[]) {
  const runs = specs.map((spec) =>
    buildRun({
      pipelineLabel: spec.label,
      pipelineId: `pl-${spec.label.replace(/\W/g, '')}`,
      status: spec.status ?? 'completed',
      failure: spec.failure
        ? { kind: 'job-failed', message: spec.failure }
        : undefined,
    }),
  );
  const panes: PaneData[] = toPaneInfos(runs).map((info, i) => ({
    ...info,
    result: specs[i]?.result ?? null,
    raw: specs[i]?.raw ?? { job_id: `job-${i}`, result: { parse: null } },
    loading: false,
    loadError: null,
  }));
  const onPanesChange = vi.fn();
  function Harness() {
    const [baselineRunId, setBaseline] = useState<string | null>(null);
    const [sync, setSync] = useState(true);
    return (
      <ComparePanes
        documentKey="doc-1"
        documentName="invoice.pdf"
        panes={panes}
        documentRuns={toPaneInfos(runs)}
        baselineRunId={baselineRunId}
        onBaselineChange={setBaseline}
        onPanesChange={onPanesChange}
        panesChosen={false}
        onShowLatest={() => {}}
        syncScroll={sync}
        onSyncScrollChange={setSync}
      />
    );
  }
  const user = userEvent.setup();
  render(<Harness />);
  return { user, runs, onPanesChange };
}

const twoPanes = () =>
  renderCompare([
    { label: 'invoices v3', result: buildResult(v3Spec) },
    { label: 'invoices v4', result: buildResult(v4Spec) },
  ]);

/** jsdom's Blob has no text(): read it the old way. */
function readBlob(blob: Blob | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!blob) return reject(new Error('no blob was exported'));
    const reader = new FileReader();
    reader.onload = () =>
      resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(blob);
  });
}

const pane = (name: string) =>
  within(screen.getByRole('region', { name: 'Compare' })).getByRole('region', {
    name,
  });

// The block selection lives in the compare store: each test starts clean.
beforeEach(() => {
  act(() => compareActions.reset());
});

describe('ComparePanes', () => {
  it('shows one region per pane named by its label, the first as baseline', async () => {
    twoPanes();
    const v3 = pane('invoices v3');
    const v4 = pane('invoices v4');
    expect(within(v3).getByText('Baseline')).toBeInTheDocument();
    expect(within(v4).queryByText('Baseline')).not.toBeInTheDocument();
    expect(within(v4).getByText('pl-invoicesv4')).toBeInTheDocument();
    expect(within(v4).getByText('completed')).toBeInTheDocument();
    expect(
      screen.getByRole('combobox', { name: 'Baseline' }),
    ).toHaveDisplayValue('invoices v3');
    // Summary and metric deltas, in words.
    expect(
      await within(v4).findByText(
        /1 changed, 1 added, 1 removed, 1 moved, 1 retyped/,
      ),
    ).toBeInTheDocument();
    expect(
      within(v4).getByText('1 changed, 1 added, 1 removed'),
    ).toBeInTheDocument();
    const metrics = within(v4).getByRole('table', {
      name: 'Metrics of invoices v4',
    });
    const duration = within(metrics).getByRole('row', { name: /Duration/ });
    expect(duration).toHaveTextContent('3.5 s');
    expect(duration).toHaveTextContent('+1.5 s slower');
    expect(
      within(metrics).getByRole('row', { name: /^Credits/ }),
    ).toHaveTextContent('no change');
  });

  it('names panes that share a label by their run date too', () => {
    renderCompare([
      { label: 'invoices v3', result: buildResult(v3Spec) },
      { label: 'invoices v3', result: buildResult(v4Spec) },
    ]);
    const regions = within(screen.getByRole('region', { name: 'Compare' }))
      .getAllByRole('region')
      .filter((r) =>
        /^invoices v3 \(/.test(r.getAttribute('aria-label') ?? ''),
      );
    expect(regions).toHaveLength(2);
  });

  it('marks every block status with a symbol and a word in the Blocks view', async () => {
    const { user } = twoPanes();
    await user.click(screen.getByRole('tab', { name: 'Blocks' }));
    const v4 = pane('invoices v4');
    const list = within(v4).getByRole('list', {
      name: 'Blocks of invoices v4',
    });
    for (const status of [
      '± changed',
      '+ added',
      '− removed',
      '↕ moved',
      '⇄ retyped',
    ]) {
      expect(await within(list).findAllByText(status)).not.toHaveLength(0);
    }
    const inserted = within(list).getAllByRole('insertion');
    expect(inserted.map((el) => el.textContent)).toContain('120');
    const deleted = within(list).getAllByRole('deletion');
    expect(deleted.map((el) => el.textContent)).toContain('100');
    // The baseline pane lists its blocks without statuses.
    const v3 = pane('invoices v3');
    expect(within(v3).getByText('Total due: 100 EUR')).toBeInTheDocument();
    expect(within(v3).queryByText('± changed')).not.toBeInTheDocument();
  });

  it('switching the baseline changes which pane is marked', async () => {
    const { user } = renderCompare([
      { label: 'invoices v3', result: buildResult(v3Spec) },
      { label: 'invoices v4', result: buildResult(v4Spec) },
    ]);
    await user.click(screen.getByRole('tab', { name: 'Blocks' }));
    expect(
      await within(pane('invoices v4')).findAllByText('± changed'),
    ).not.toHaveLength(0);
    expect(
      within(pane('invoices v3')).queryByText('± changed'),
    ).not.toBeInTheDocument();

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Baseline' }),
      'invoices v4',
    );
    expect(
      await within(pane('invoices v3')).findAllByText('± changed'),
    ).not.toHaveLength(0);
    expect(
      within(pane('invoices v4')).queryByText('± changed'),
    ).not.toBeInTheDocument();
    expect(
      within(pane('invoices v4')).getByText('Baseline'),
    ).toBeInTheDocument();
    // Against v4, v3's extra block is the added one.
    expect(
      within(pane('invoices v3')).getByText(
        'Thanks for your business and see you soon',
      ),
    ).toBeInTheDocument();
  });

  it('renders Content as Markdown with tables, changes marked', async () => {
    twoPanes();
    const v3 = within(pane('invoices v3')).getByRole('region', {
      name: 'Content view of invoices v3',
    });
    const table = within(v3).getByRole('table');
    expect(
      within(table).getByRole('columnheader', { name: 'Price' }),
    ).toBeInTheDocument();
    expect(
      within(v3).getByRole('heading', { name: 'Invoice 42' }),
    ).toBeInTheDocument();
    const v4 = pane('invoices v4');
    expect(await within(v4).findAllByText('± changed')).not.toHaveLength(0);
    expect(within(v4).getAllByText('Show word changes')).not.toHaveLength(0);
  });

  it('renders a malicious chunk inert', () => {
    renderCompare([
      {
        label: 'evil',
        result: buildResult({
          blocks: [{ text: 'x' }],
          chunkContent: [
            'Hello <img src=x onerror=alert(1)> <script>alert(2)</script> <a href="javascript:alert(3)">link</a>',
          ],
        }),
      },
    ]);
    const chunk = within(pane('evil')).getByRole('article', {
      name: 'Chunk 1',
    });
    expect(chunk).toHaveTextContent('Hello');
    expect(within(chunk).queryByRole('img')).not.toBeInTheDocument();
    expect(chunk.innerHTML).not.toMatch(/<script|onerror|javascript:/);
  });

  it('shows extracted fields as a table with status and baseline value', async () => {
    const { user } = twoPanes();
    await user.click(screen.getByRole('tab', { name: 'Extract' }));
    const table = await within(pane('invoices v4')).findByRole('table', {
      name: 'Extracted fields of invoices v4',
    });
    const total = within(table).getByRole('row', { name: /^total/ });
    expect(total).toHaveTextContent('120');
    expect(total).toHaveTextContent('± changed');
    expect(total).toHaveTextContent('100');
    expect(
      within(table).getByRole('row', { name: /^due_date/ }),
    ).toHaveTextContent('+ added');
    expect(
      within(table).getByRole('row', { name: /^currency/ }),
    ).toHaveTextContent('− removed');
  });

  it('shows split ranges with their status', async () => {
    const { user } = twoPanes();
    await user.click(screen.getByRole('tab', { name: 'Split' }));
    const table = await within(pane('invoices v4')).findByRole('table', {
      name: 'Split of invoices v4',
    });
    const invoice = within(table).getByRole('row', { name: /^Invoice/ });
    expect(invoice).toHaveTextContent('± changed');
    expect(invoice).toHaveTextContent('− pages 2');
    expect(
      within(table).getByRole('row', { name: /^Terms/ }),
    ).toHaveTextContent('= unchanged');
  });

  it('shows the response in the JSON view', async () => {
    const { user } = twoPanes();
    await user.click(screen.getByRole('tab', { name: 'JSON' }));
    const view = within(pane('invoices v4')).getByRole('region', {
      name: 'JSON view of invoices v4',
    });
    expect(within(view).getByText(/job_id/)).toBeInTheDocument();
    expect(within(view).getByText(/"job-1"/)).toBeInTheDocument();
  });

  it('spells out the current difference above the JSON', async () => {
    const { user } = twoPanes();
    await user.click(screen.getByRole('tab', { name: 'JSON' }));
    await within(pane('invoices v4')).findAllByText(/1 changed, 1 added/);
    await user.keyboard('n');
    const v4 = pane('invoices v4');
    expect(within(v4).getByText('▶ Current difference')).toBeInTheDocument();
    // The first difference is the changed total, with its word changes.
    expect(within(v4).getByText('± changed')).toBeInTheDocument();
    expect(within(v4).getByRole('insertion')).toHaveTextContent('120');
  });

  it('says so when the clipboard refuses', async () => {
    const { user } = twoPanes();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(
      new Error('denied'),
    );
    const tools = within(pane('invoices v4')).getByRole('toolbar', {
      name: 'Export invoices v4',
    });
    await user.click(
      within(tools).getByRole('button', { name: 'Copy Markdown' }),
    );
    expect(
      await within(tools).findByText(/Could not copy Markdown/),
    ).toBeInTheDocument();
  });

  it('shows an unknown shape as JSON with a message, in any view', () => {
    renderCompare([
      { label: 'invoices v3', result: buildResult(v3Spec) },
      {
        label: 'mystery',
        result: buildResult({ kind: 'unknown' }),
        raw: { surprise: 'shape' },
      },
    ]);
    const mystery = pane('mystery');
    expect(within(mystery).getByRole('note')).toHaveTextContent(
      /shape the app does not recognise/,
    );
    expect(within(mystery).getByText(/surprise/)).toBeInTheDocument();
  });

  it('shows a failed or running pane its status instead of a result', () => {
    renderCompare([
      { label: 'invoices v3', result: buildResult(v3Spec) },
      {
        label: 'broken',
        result: null,
        status: 'failed',
        failure: 'Job failed: OCR timeout',
      },
      { label: 'slow', result: null, status: 'running' },
    ]);
    expect(
      within(pane('broken')).getByText('Failed: Job failed: OCR timeout'),
    ).toBeInTheDocument();
    expect(within(pane('slow')).getByText(/Running/)).toBeInTheDocument();
  });

  it('steps through differences with the keyboard and the buttons', async () => {
    const { user } = twoPanes();
    await user.click(screen.getByRole('tab', { name: 'Blocks' }));
    const nav = screen.getByRole('group', { name: 'Differences' });
    const status = within(nav).getByRole('status');
    await within(pane('invoices v4')).findAllByText('± changed');
    expect(status).toHaveTextContent('5 differences');

    await user.keyboard('n');
    expect(status).toHaveTextContent('Difference 1 of 5');
    const v4 = pane('invoices v4');
    const current = within(v4).getByText('▶ Current difference');
    expect(current).toBeInTheDocument();
    expect(
      within(pane('invoices v3')).getByText(
        '▶ Baseline of the current difference',
      ),
    ).toBeInTheDocument();

    await user.keyboard('j');
    expect(status).toHaveTextContent('Difference 2 of 5');
    await user.keyboard('k');
    expect(status).toHaveTextContent('Difference 1 of 5');
    await user.keyboard('p');
    expect(status).toHaveTextContent('Difference 5 of 5');

    await user.click(
      within(nav).getByRole('button', { name: 'Next difference' }),
    );
    expect(status).toHaveTextContent('Difference 1 of 5');
    await user.click(
      within(nav).getByRole('button', { name: 'Previous difference' }),
    );
    expect(status).toHaveTextContent('Difference 5 of 5');
    expect(within(v4).getAllByText('▶ Current difference')).toHaveLength(1);
  });

  it('steps through changed chunks in the Content view', async () => {
    const { user } = twoPanes();
    const status = within(
      screen.getByRole('group', { name: 'Differences' }),
    ).getByRole('status');
    await within(pane('invoices v4')).findAllByText('± changed');
    expect(status).toHaveTextContent('2 differences');
    await user.click(screen.getByRole('button', { name: 'Next difference' }));
    const chunk = within(pane('invoices v4')).getByRole('article', {
      name: 'Chunk 1',
    });
    expect(chunk).toHaveAttribute('aria-current', 'true');
    expect(within(chunk).getByText('▶ Current difference')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next difference' }));
    expect(
      within(pane('invoices v4')).getByRole('article', { name: 'Chunk 2' }),
    ).toHaveAttribute('aria-current', 'true');
    expect(chunk).not.toHaveAttribute('aria-current');
  });

  it('ignores the shortcuts while a form field has focus', async () => {
    const { user } = twoPanes();
    await user.click(screen.getByRole('tab', { name: 'Extract' }));
    const status = within(
      screen.getByRole('group', { name: 'Differences' }),
    ).getByRole('status');
    await within(pane('invoices v4')).findByRole('table', {
      name: /Extracted fields/,
    });
    await user.keyboard('n');
    expect(status).toHaveTextContent('Difference 1 of 3');
    screen.getByRole('combobox', { name: 'Baseline' }).focus();
    await user.keyboard('n');
    expect(status).toHaveTextContent('Difference 1 of 3');
  });

  it('synchronises scrolling across panes unless turned off', async () => {
    const { user } = twoPanes();
    const a = within(pane('invoices v3')).getByRole('region', {
      name: 'Content view of invoices v3',
    });
    const b = within(pane('invoices v4')).getByRole('region', {
      name: 'Content view of invoices v4',
    });
    fireEvent.scroll(a, { target: { scrollTop: 120 } });
    expect(b.scrollTop).toBe(120);

    const sync = screen.getByRole('checkbox', { name: 'Sync scrolling' });
    expect(sync).toBeChecked();
    await user.click(sync);
    expect(sync).not.toBeChecked();
    fireEvent.scroll(a, { target: { scrollTop: 300 } });
    expect(b.scrollTop).toBe(120);
  });

  it('copies a pane result as JSON and confirms', async () => {
    const { user } = twoPanes();
    const tools = within(pane('invoices v4')).getByRole('toolbar', {
      name: 'Export invoices v4',
    });
    await user.click(within(tools).getByRole('button', { name: 'Copy JSON' }));
    expect(
      await within(tools).findByText('Copied JSON to the clipboard.'),
    ).toBeInTheDocument();
    const copied = JSON.parse(await navigator.clipboard.readText()) as {
      run: { pane: string };
      response: unknown;
    };
    expect(copied.run.pane).toBe('invoices v4');
    expect(copied.response).toEqual({
      job_id: 'job-1',
      result: { parse: null },
    });

    await user.click(
      within(tools).getByRole('button', { name: 'Copy Markdown' }),
    );
    expect(await navigator.clipboard.readText()).toContain(
      'Total due: 120 EUR',
    );
  });

  it('exports the report with every pane', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:report';
    });
    URL.revokeObjectURL = vi.fn();
    const { user } = twoPanes();
    await within(pane('invoices v4')).findAllByText('± changed');
    await user.click(screen.getByRole('button', { name: 'Export report' }));
    const html = await readBlob(blobs[0]);
    expect(html).toContain('<h2>invoices v3 (Baseline)</h2>');
    expect(html).toContain('<h2>invoices v4</h2>');

    await user.click(
      screen.getByRole('button', { name: 'Export differences (CSV)' }),
    );
    const csv = await readBlob(blobs[1]);
    expect(csv).toContain('invoices v4,block,1,Text,changed');
  });
});

describe('ComparePanes on a big result', () => {
  const many = (n: number, changedAt: number): BlockSpec[] =>
    Array.from({ length: n }, (_, i) => ({
      text:
        i === changedAt
          ? `Paragraph ${i} was rewritten by the new pipeline`
          : `Paragraph ${i} of the long report body`,
      page: 1 + Math.floor(i / 40),
      box: box(0.02 + (i % 40) * 0.024),
    }));

  // One chunk per block: the Content view is virtualised too.
  const longResult = (changedAt: number) =>
    buildResult({
      blocks: many(2500, changedAt),
      chunks: Array.from({ length: 2500 }, (_, i) => [i]),
    });

  it('says "Comparing…" until the diff is ready, then lists only a window of blocks', async () => {
    const { user } = renderCompare([
      { label: 'long v1', result: longResult(-1) },
      { label: 'long v2', result: longResult(2400) },
    ]);
    const status = within(
      screen.getByRole('group', { name: 'Differences' }),
    ).getByRole('status');
    expect(status).toHaveTextContent('Comparing…');
    expect(
      await within(status).findByText('1 differences'),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'Blocks' }));
    const list = within(pane('long v2')).getByRole('list', {
      name: 'Blocks of long v2',
    });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.length).toBeLessThan(100);
    expect(rows[0]).toHaveAttribute('aria-setsize', '2500');

    // The only difference is far down: navigating brings it into the window.
    await user.keyboard('n');
    expect(
      await within(list).findByText('▶ Current difference'),
    ).toBeInTheDocument();
    expect(within(list).getByText('± changed')).toBeInTheDocument();
  }, 20_000);
});

describe('ComparePanes accessibility', () => {
  it('has no axe violations in any view (jsdom: contrast not checked)', async () => {
    const { default: axe } = await import('axe-core');
    const { user } = twoPanes();
    await within(pane('invoices v4')).findAllByText('± changed');
    for (const name of ['Content', 'Blocks', 'Extract', 'Split', 'JSON']) {
      await user.click(screen.getByRole('tab', { name }));
      await user.keyboard('n');
      const results = await axe.run(
        screen.getByRole('region', { name: 'Compare' }),
        { rules: { 'color-contrast': { enabled: false } } },
      );
      expect(
        results.violations.map((v) => `${name}: ${v.id} ${v.help}`),
      ).toEqual([]);
    }
  }, 30_000);
});
