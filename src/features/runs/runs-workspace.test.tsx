import {
  configure,
  render,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { getCompareState, compareActions } from '@/store/compare-store';
import { connectionActions } from '@/store/connection-store';
import { documentsActions } from '@/store/documents-store';
import { pipelinesActions } from '@/store/pipelines-store';
import { runsSetup } from '@/store/runs-store';
import { setupRunsHarness } from '@/store/runs-test-harness';
import { RunsWorkspace } from './runs-workspace';

const pdf = (name: string, text = name) =>
  new File([`%PDF-1.4 ${text}`], name, { type: 'application/pdf' });

async function addDocs(...names: string[]) {
  const problems = await documentsActions.filesAdded(names.map((n) => pdf(n)));
  expect(problems).toEqual([]);
}

function addPipelines() {
  pipelinesActions.added('pipe-a', 'invoices v2');
  pipelinesActions.added('pipe-b', 'invoices v3');
}

const runsTable = () => screen.getByRole('table', { name: 'Runs' });
/** The grid cell of a document × pipeline, found by its headers. */
const cellOf = (doc: string, label: string) => {
  const table = runsTable();
  const headers = within(table).getAllByRole('columnheader');
  // Column 0 is the row header column ("Document").
  const col = headers.findIndex((h) => h.textContent?.startsWith(label)) - 1;
  const rowIndex = within(table)
    .getAllByRole('rowheader')
    .findIndex((h) => h.textContent?.startsWith(doc));
  // Row 0 is the header row.
  const row = within(table).getAllByRole('row')[rowIndex + 1];
  if (!row) throw new Error(`no row ${doc}`);
  const cell = within(row).getAllByRole('cell')[col];
  if (!cell) throw new Error(`no cell ${doc} × ${label}`);
  return cell;
};

// The machine is shared: give the fake API's polling room.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  runsSetup.unconfigure();
  compareActions.reset();
});

describe('RunsWorkspace', { timeout: 20_000 }, () => {
  it('explains why it cannot run yet', async () => {
    setupRunsHarness();
    render(<RunsWorkspace />);
    const run = screen.getByRole('button', { name: /^Run 0 documents/ });
    expect(run).toBeDisabled();
    expect(run).toHaveAccessibleDescription(
      'Add a document and choose a pipeline to run.',
    );
    await addDocs('a.pdf');
    expect(
      await screen.findByRole('button', { name: /^Run 1 document/ }),
    ).toHaveAccessibleDescription('Choose at least one pipeline to run.');
  });

  it('runs every document through every pipeline, uploading each once', async () => {
    const h = setupRunsHarness();
    const user = userEvent.setup();
    addPipelines();
    await addDocs('a.pdf', 'b.pdf');
    render(<RunsWorkspace />);
    await user.click(
      screen.getByRole('button', { name: 'Run 2 documents × 2 pipelines' }),
    );

    const table = runsTable();
    expect(
      within(table).getByRole('columnheader', { name: /invoices v2/ }),
    ).toBeInTheDocument();
    expect(
      within(table).getByRole('columnheader', { name: /invoices v3/ }),
    ).toBeInTheDocument();
    expect(
      within(table).getByRole('rowheader', { name: /a\.pdf/ }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(within(table).getAllByText('Completed')).toHaveLength(4),
    );
    expect(h.api.state.uploads).toBe(2);
    expect(
      within(cellOf('a.pdf', 'invoices v3')).getByText(/3 credits/),
    ).toBeInTheDocument();
    expect(
      within(table).getByRole('button', {
        name: 'Run again: invoices v3 on a.pdf',
      }),
    ).toBeInTheDocument();
  });

  it('shows queued, uploading-then-running with progress, and cancels a cell', async () => {
    const h = setupRunsHarness({ concurrency: 1 });
    h.api.state.hold = true;
    let uploaded = () => {};
    h.api.state.uploadGate = new Promise((resolve) => (uploaded = resolve));
    const user = userEvent.setup();
    addPipelines();
    await addDocs('a.pdf');
    render(<RunsWorkspace />);
    await user.click(
      screen.getByRole('button', { name: /^Run 1 document × 2/ }),
    );
    expect(
      await within(cellOf('a.pdf', 'invoices v2')).findByText('Uploading'),
    ).toBeInTheDocument();
    uploaded();
    expect(
      await within(cellOf('a.pdf', 'invoices v2')).findByText('Running 40%'),
    ).toBeInTheDocument();
    expect(
      within(cellOf('a.pdf', 'invoices v3')).getByText('Queued'),
    ).toBeInTheDocument();

    await user.click(
      screen.getByRole('button', { name: 'Cancel invoices v2 on a.pdf' }),
    );
    expect(
      await within(cellOf('a.pdf', 'invoices v2')).findByText('Cancelled'),
    ).toBeInTheDocument();
    await waitFor(() => expect(h.api.state.cancelled).toHaveLength(1));
    // The next cell starts once the slot is free.
    expect(
      await within(cellOf('a.pdf', 'invoices v3')).findByText('Running 40%'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel all' }));
    expect(
      await within(cellOf('a.pdf', 'invoices v3')).findByText('Cancelled'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel all' })).toBeDisabled();
  });

  it('cancels a row and a column with their buttons', async () => {
    const h = setupRunsHarness({ concurrency: 8 });
    h.api.state.hold = true;
    const user = userEvent.setup();
    addPipelines();
    await addDocs('a.pdf', 'b.pdf');
    render(<RunsWorkspace />);
    await user.click(screen.getByRole('button', { name: /^Run 2 documents/ }));
    await waitFor(() =>
      expect(screen.getAllByText('Running 40%')).toHaveLength(4),
    );

    await user.click(screen.getByRole('button', { name: 'Cancel row a.pdf' }));
    expect(
      await within(cellOf('a.pdf', 'invoices v2')).findByText('Cancelled'),
    ).toBeInTheDocument();
    expect(
      within(cellOf('a.pdf', 'invoices v3')).getByText('Cancelled'),
    ).toBeInTheDocument();
    expect(
      within(cellOf('b.pdf', 'invoices v3')).getByText('Running 40%'),
    ).toBeInTheDocument();

    await user.click(
      screen.getByRole('button', { name: 'Cancel column invoices v3' }),
    );
    expect(
      await within(cellOf('b.pdf', 'invoices v3')).findByText('Cancelled'),
    ).toBeInTheDocument();
    expect(
      within(cellOf('b.pdf', 'invoices v2')).getByText('Running 40%'),
    ).toBeInTheDocument();
    await waitFor(() => expect(h.api.state.cancelled).toHaveLength(3));
  });

  it('shows a failed job with its reason and retries it', async () => {
    const h = setupRunsHarness();
    h.api.state.failingPipelines.set('pipe-a', 'Extraction schema is invalid');
    const user = userEvent.setup();
    pipelinesActions.added('pipe-a', 'invoices v2');
    await addDocs('a.pdf');
    render(<RunsWorkspace />);
    await user.click(
      screen.getByRole('button', { name: /^Run 1 document × 1 pipeline$/ }),
    );
    const cell = () => cellOf('a.pdf', 'invoices v2');
    expect(await within(cell()).findByText('Failed')).toBeInTheDocument();
    expect(
      within(cell()).getByText('Extraction schema is invalid'),
    ).toBeInTheDocument();

    h.api.state.failingPipelines.clear();
    await user.click(
      screen.getByRole('button', { name: 'Retry invoices v2 on a.pdf' }),
    );
    expect(await within(cell()).findByText('Completed')).toBeInTheDocument();
    expect(
      within(cell()).queryByText('Extraction schema is invalid'),
    ).not.toBeInTheDocument();
  });

  it('runs a completed cell again', async () => {
    const h = setupRunsHarness();
    const user = userEvent.setup();
    pipelinesActions.added('pipe-a', 'invoices v2');
    await addDocs('a.pdf');
    render(<RunsWorkspace />);
    await user.click(screen.getByRole('button', { name: /^Run 1 document/ }));
    const again = await screen.findByRole('button', {
      name: 'Run again: invoices v2 on a.pdf',
    });
    h.api.state.hold = true;
    await user.click(again);
    expect(
      await within(cellOf('a.pdf', 'invoices v2')).findByText('Running 40%'),
    ).toBeInTheDocument();
    expect(h.api.jobs.size).toBe(2);
    expect(h.api.state.uploads).toBe(1);
  });

  it('stops once on a rejected key and resumes when a new key is entered', async () => {
    setupRunsHarness({ apiKey: 'stale-key' });
    const user = userEvent.setup();
    addPipelines();
    await addDocs('a.pdf');
    render(<RunsWorkspace />);
    await user.click(screen.getByRole('button', { name: /^Run 1 document/ }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        'The API key was rejected. Enter a valid key to continue.',
      ),
    );
    expect(screen.queryByText('Failed')).not.toBeInTheDocument();
    expect(screen.getAllByText('Queued')).toHaveLength(2);

    connectionActions.keyEntered('good-key');
    await waitFor(() =>
      expect(screen.getAllByText('Completed')).toHaveLength(2),
    );
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
  });

  it('asks for a document password, uses it and keeps it nowhere', async () => {
    const h = setupRunsHarness();
    h.api.state.passwords.set('locked', 'hunter22');
    const user = userEvent.setup();
    addPipelines();
    await documentsActions.filesAdded([pdf('locked.pdf', 'locked')]);
    render(<RunsWorkspace />);
    await user.click(screen.getByRole('button', { name: /^Run 1 document/ }));

    const dialog = await screen.findByRole('dialog', {
      name: 'Password for locked.pdf',
    });
    await user.type(
      within(dialog).getByLabelText('Document password'),
      'wrong',
    );
    await user.click(
      within(dialog).getByRole('button', { name: 'Run with password' }),
    );
    expect(
      await screen.findByText(
        'That password was not accepted. Try again, or skip this document.',
      ),
    ).toBeInTheDocument();
    const again = screen.getByRole('dialog', {
      name: 'Password for locked.pdf',
    });
    await user.type(
      within(again).getByLabelText('Document password'),
      'hunter22',
    );
    await user.click(
      within(again).getByRole('button', { name: 'Run with password' }),
    );
    await waitFor(() =>
      expect(screen.getAllByText('Completed')).toHaveLength(2),
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    const stored =
      JSON.stringify({ ...localStorage }) +
      JSON.stringify({ ...sessionStorage });
    expect(stored).not.toContain('hunter22');
  });

  it('skips a password-protected document when asked to', async () => {
    const h = setupRunsHarness();
    h.api.state.passwords.set('locked', 'pw');
    const user = userEvent.setup();
    pipelinesActions.added('pipe-a', 'invoices v2');
    await documentsActions.filesAdded([pdf('locked.pdf', 'locked')]);
    render(<RunsWorkspace />);
    await user.click(screen.getByRole('button', { name: /^Run 1 document/ }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Password for locked.pdf',
    });
    await user.click(within(dialog).getByRole('button', { name: 'Skip' }));
    expect(await screen.findByText('Failed')).toBeInTheDocument();
    expect(
      screen.getByText(
        'The document is password-protected and no password was given.',
      ),
    ).toBeInTheDocument();
  });

  it('slows down on a 429 burst and still completes every cell', async () => {
    const h = setupRunsHarness({ concurrency: 4 });
    h.api.state.rateLimitNext = 2;
    h.api.state.retryAfterMs = 300;
    const user = userEvent.setup();
    addPipelines();
    await addDocs('a.pdf', 'b.pdf');
    render(<RunsWorkspace />);
    await user.click(screen.getByRole('button', { name: /^Run 2 documents/ }));
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        /rate limiting requests: slowing down/,
      ),
    );
    await waitFor(
      () => expect(screen.getAllByText('Completed')).toHaveLength(4),
      { timeout: 4000 },
    );
    expect(screen.queryByText('Failed')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).not.toHaveTextContent(/rate limiting/);
  });

  it('explains a network or CORS failure in the cell', async () => {
    const h = setupRunsHarness();
    h.api.state.offline = true;
    const user = userEvent.setup();
    pipelinesActions.added('pipe-a', 'invoices v2');
    await addDocs('a.pdf');
    render(<RunsWorkspace />);
    await user.click(screen.getByRole('button', { name: /^Run 1 document/ }));
    const cell = cellOf('a.pdf', 'invoices v2');
    expect(await within(cell).findByText('Failed')).toBeInTheDocument();
    expect(cell).toHaveTextContent(/CORS/);
    expect(
      within(cell).getByRole('button', { name: 'Retry invoices v2 on a.pdf' }),
    ).toBeInTheDocument();
  });

  it('warns when run history cannot be saved, and keeps working', async () => {
    setupRunsHarness({ openDb: () => Promise.reject(new Error('blocked')) });
    const user = userEvent.setup();
    pipelinesActions.added('pipe-a', 'invoices v2');
    await addDocs('a.pdf');
    render(<RunsWorkspace />);
    expect(
      await screen.findByText(/Run history cannot be saved/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /^Run 1 document/ }));
    expect(await screen.findByText('Completed')).toBeInTheDocument();
  });

  it('still shows the last run request after a reload, not older ones', async () => {
    const h = setupRunsHarness();
    const user = userEvent.setup();
    addPipelines();
    await addDocs('old.pdf');
    const { unmount } = render(<RunsWorkspace />);
    await user.click(screen.getByRole('button', { name: /^Run 1 document/ }));
    await waitFor(() =>
      expect(screen.getAllByText('Completed')).toHaveLength(2),
    );
    documentsActions.cleared();
    await addDocs('new.pdf');
    await user.click(screen.getByRole('button', { name: /^Run 1 document/ }));
    await waitFor(() =>
      expect(screen.getAllByText('Completed')).toHaveLength(4),
    );
    unmount();

    await h.reload();
    render(<RunsWorkspace visibleSince={Date.now() + 1} />);
    expect(
      within(cellOf('new.pdf', 'invoices v3')).getByText('Completed'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Compare new.pdf' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('rowheader', { name: /old\.pdf/ }),
    ).not.toBeInTheDocument();
    // The files themselves are gone with the reload.
    expect(
      screen.getByRole('button', { name: /^Run 0 documents/ }),
    ).toBeDisabled();
  });

  it('opens a document in the compare view', async () => {
    setupRunsHarness();
    const user = userEvent.setup();
    pipelinesActions.added('pipe-a', 'invoices v2');
    await addDocs('a.pdf');
    render(<RunsWorkspace />);
    await user.click(screen.getByRole('button', { name: /^Run 1 document/ }));
    await user.click(
      await screen.findByRole('button', { name: 'Compare a.pdf' }),
    );
    expect(getCompareState().documentKey).toMatch(/^[0-9a-f]{64}$/);
  });
});

/** Serious and critical axe-core findings (contrast needs a real browser). */
async function axeProblems(root: Element) {
  const { violations } = await axe.run(root, {
    rules: { 'color-contrast': { enabled: false } },
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

describe('RunsWorkspace: accessibility', { timeout: 20_000 }, () => {
  it('has no serious axe findings with completed, failed and password-waiting cells', async () => {
    const h = setupRunsHarness();
    h.api.state.failingPipelines.set('pipe-b', 'Bad config');
    h.api.state.passwords.set('locked', 'pw');
    const user = userEvent.setup();
    addPipelines();
    await addDocs('a.pdf');
    await documentsActions.filesAdded([pdf('locked.pdf', 'locked')]);
    render(<RunsWorkspace />);
    await user.click(screen.getByRole('button', { name: /^Run 2 documents/ }));
    await screen.findByRole('dialog', { name: 'Password for locked.pdf' });
    expect(await screen.findByText('Bad config')).toBeInTheDocument();
    expect(
      await axeProblems(screen.getByRole('region', { name: 'Run queue' })),
    ).toEqual([]);
  });
});
