import {
  configure,
  render,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { compareActions, getCompareState } from '@/store/compare-store';
import { connectionActions } from '@/store/connection-store';
import { getRuns, runsActions, runsSetup } from '@/store/runs-store';
import { setupRunsHarness } from '@/store/runs-test-harness';
import { HistoryPanel } from './history-panel';

configure({ asyncUtilTimeout: 5000 });

const v2 = { id: 'pipe-a', label: 'invoices v2' };
const v3 = { id: 'pipe-b', label: 'invoices v3' };

/** Two documents × two pipelines, all completed, then a page reload. */
async function historyOfFourRuns() {
  const h = setupRunsHarness();
  const a = h.addDocument('a.pdf');
  const b = h.addDocument('b.pdf');
  const ids = await runsActions.runRequested([a, b], [v2, v3]);
  await waitFor(() =>
    expect(getRuns().filter((r) => r.status === 'completed')).toHaveLength(4),
  );
  await h.reload();
  return { h, a, b, ids };
}

const historyTable = () => screen.getByRole('table', { name: /Run history/ });
const bodyRows = () => within(historyTable()).getAllByRole('row').slice(1);

afterEach(() => {
  runsSetup.unconfigure();
  compareActions.reset();
});

describe('HistoryPanel', { timeout: 20_000 }, () => {
  it('says when there are no runs yet', async () => {
    setupRunsHarness();
    render(<HistoryPanel />);
    expect(await screen.findByText('No runs yet.')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'History' })).toBeInTheDocument();
  });

  it('lists every stored run after a reload and filters by document and pipeline', async () => {
    await historyOfFourRuns();
    const user = userEvent.setup();
    render(<HistoryPanel />);
    expect(
      await screen.findByRole('table', { name: 'Run history (4 of 4)' }),
    ).toBeInTheDocument();
    const first = bodyRows()[0];
    if (!first) throw new Error('no rows');
    expect(within(first).getByText('Completed')).toBeInTheDocument();
    expect(within(first).getByText('3 credits')).toBeInTheDocument();
    expect(within(first).getByText('api.reducto.test')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Document'), 'a.pdf');
    expect(bodyRows()).toHaveLength(2);
    await user.selectOptions(screen.getByLabelText('Pipeline'), 'invoices v3');
    expect(bodyRows()).toHaveLength(1);
    expect(
      within(bodyRows()[0] ?? historyTable()).getByRole('rowheader'),
    ).toHaveTextContent('a.pdf');
    expect(
      within(bodyRows()[0] ?? historyTable()).getByText('invoices v3'),
    ).toBeInTheDocument();

    await user.selectOptions(
      screen.getByLabelText('Document'),
      'All documents',
    );
    expect(bodyRows()).toHaveLength(2);
  });

  it('deletes a run only after confirmation, for good', async () => {
    const { h } = await historyOfFourRuns();
    const user = userEvent.setup();
    render(<HistoryPanel />);
    await screen.findByRole('table', { name: 'Run history (4 of 4)' });
    const [deleteFirst] = screen.getAllByRole('button', {
      name: /^Delete run /,
    });
    if (!deleteFirst) throw new Error('no delete button');
    await user.click(deleteFirst);
    const confirm = screen.getByRole('group', { name: /^Confirm deleting/ });
    await user.click(within(confirm).getByRole('button', { name: 'Keep' }));
    expect(
      screen.getByRole('table', { name: 'Run history (4 of 4)' }),
    ).toBeInTheDocument();
    expect(
      screen.getAllByRole('button', { name: /^Delete run / })[0],
    ).toHaveFocus();

    await user.click(
      screen.getAllByRole('button', { name: /^Delete run / })[0] ?? deleteFirst,
    );
    await user.click(screen.getByRole('button', { name: /for good$/ }));
    expect(
      await screen.findByRole('table', { name: 'Run history (3 of 3)' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      /^Deleted the invoices/,
    );

    await h.reload();
    expect(getRuns()).toHaveLength(3);
  });

  it('opens a run in the compare view with the same pipeline over time', async () => {
    const { h, a, ids } = await historyOfFourRuns();
    h.files.set(a.key, a.file);
    const [later = ''] = await runsActions.runRequested([a], [v2]);
    await waitFor(() =>
      expect(getRuns().find((r) => r.id === later)?.status).toBe('completed'),
    );
    const user = userEvent.setup();
    render(<HistoryPanel />);
    await user.selectOptions(
      await screen.findByLabelText('Pipeline'),
      'invoices v2',
    );
    await user.selectOptions(screen.getByLabelText('Document'), 'a.pdf');
    expect(bodyRows()).toHaveLength(2);
    const [newest] = screen.getAllByRole('button', {
      name: /^Compare invoices v2 on a\.pdf/,
    });
    if (!newest) throw new Error('no compare button');
    await user.click(newest);
    expect(getCompareState().documentKey).toBe(a.key);
    expect(getCompareState().paneRunIds).toEqual([later, ids[0]]);
  });

  it('compares a run with the latest run of each other pipeline by default', async () => {
    const { a, ids } = await historyOfFourRuns();
    const user = userEvent.setup();
    render(<HistoryPanel />);
    await screen.findByRole('table', { name: /Run history/ });
    await user.click(
      screen.getByRole('button', { name: /^Compare invoices v2 on a\.pdf/ }),
    );
    expect(getCompareState().documentKey).toBe(a.key);
    expect(getCompareState().paneRunIds).toEqual([ids[0], ids[1]]);
  });

  it('tags demo runs as simulated', async () => {
    const h = setupRunsHarness();
    connectionActions.keyCleared();
    const [id = ''] = await runsActions.runRequested(
      [h.addDocument('a.pdf')],
      [v2],
    );
    await waitFor(() =>
      expect(getRuns().find((r) => r.id === id)?.status).toBe('completed'),
    );
    render(<HistoryPanel />);
    expect(await screen.findByText('Demo (simulated)')).toBeInTheDocument();
  });
});

describe('HistoryPanel: accessibility', { timeout: 20_000 }, () => {
  it('has no serious axe findings while confirming a deletion', async () => {
    await historyOfFourRuns();
    const user = userEvent.setup();
    render(<HistoryPanel />);
    await screen.findByRole('table', { name: /Run history/ });
    const [first] = screen.getAllByRole('button', { name: /^Delete run / });
    if (!first) throw new Error('no delete button');
    await user.click(first);
    const { violations } = await axe.run(
      screen.getByRole('region', { name: 'History' }),
      { rules: { 'color-contrast': { enabled: false } } },
    );
    expect(
      violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id),
    ).toEqual([]);
  });
});
