import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PipelineResponse } from '@/api/types';
import { compareActions } from '@/store/compare-store';
import type { RunRecord } from '@/storage/run-record';
import { CompareView } from './compare-view';
import { buildRun } from './testing/fixtures';

const store = vi.hoisted(() => {
  const runs: RunRecord[] = [];
  const responses: Record<string, unknown> = {};
  return { runs, responses };
});

vi.mock('@/store/runs-store', () => ({
  useRunsForDocument: (key: string | null) =>
    key === null ? [] : store.runs.filter((r) => r.documentKey === key),
  loadRunResult: (id: string) => Promise.resolve(store.responses[id]),
}));

function response(texts: string[]): PipelineResponse {
  return {
    job_id: 'job',
    usage: { num_pages: 1, credits: 2 },
    result: {
      parse: {
        job_id: 'job',
        duration: 1.5,
        usage: { num_pages: 1 },
        result: {
          type: 'full',
          chunks: [
            {
              content: texts.join('\n\n'),
              embed: '',
              enriched: null,
              blocks: texts.map((text, i) => ({
                type: 'Text',
                content: text,
                confidence: 'high',
                bbox: {
                  left: 0.1,
                  top: 0.05 + 0.1 * i,
                  width: 0.8,
                  height: 0.05,
                  page: 1,
                },
              })),
            },
          ],
        },
      },
      extract: null,
      split: null,
    },
  };
}

// Newest first, as the runs store gives them.
const oldV3 = buildRun({
  pipelineLabel: 'invoices v3',
  pipelineId: 'pl-inv',
  createdAt: Date.UTC(2026, 0, 1, 9, 0),
});
const v4 = buildRun({
  pipelineLabel: 'invoices v4',
  pipelineId: 'pl-inv-4',
  createdAt: Date.UTC(2026, 0, 2, 9, 0),
});
const newV3 = buildRun({
  pipelineLabel: 'invoices v3',
  pipelineId: 'pl-inv',
  createdAt: Date.UTC(2026, 0, 3, 9, 0),
});
const failedV5 = buildRun({
  pipelineLabel: 'invoices v5',
  status: 'failed',
  failure: { kind: 'job-failed', message: 'The job failed on the server.' },
  createdAt: Date.UTC(2026, 0, 3, 10, 0),
});

beforeEach(() => {
  compareActions.reset();
  store.runs = [failedV5, newV3, v4, oldV3];
  store.responses = {
    [oldV3.id]: response(['Before the redeploy', 'Total 100']),
    [newV3.id]: response(['After the redeploy', 'Total 100']),
    [v4.id]: response(['Version four text', 'Total 100']),
  };
});

const compare = () => screen.getByRole('region', { name: 'Compare' });

describe('CompareView', () => {
  it('asks for a document when none is selected', () => {
    render(<CompareView />);
    expect(compare()).toHaveTextContent(
      'Select a document to compare its runs side by side.',
    );
  });

  it('shows the latest completed run per pipeline label, and failures', async () => {
    compareActions.documentSelected('doc-1');
    render(<CompareView />);
    const panes = within(compare());
    const v3 = panes.getByRole('region', { name: 'invoices v3' });
    expect(
      await within(v3).findByText('After the redeploy'),
    ).toBeInTheDocument();
    expect(within(v3).getByText('Baseline')).toBeInTheDocument();
    const four = panes.getByRole('region', { name: 'invoices v4' });
    expect(
      await within(four).findByText('Version four text'),
    ).toBeInTheDocument();
    const v5 = panes.getByRole('region', { name: 'invoices v5' });
    expect(
      within(v5).getByText('Failed: The job failed on the server.'),
    ).toBeInTheDocument();
  });

  it('compares over time: a pane can show an older run of the same pipeline', async () => {
    const user = userEvent.setup();
    compareActions.documentSelected('doc-1');
    render(<CompareView />);
    const four = within(compare()).getByRole('region', { name: 'invoices v4' });
    await within(four).findByText('Version four text');

    await user.selectOptions(
      within(four).getByRole('combobox', { name: 'Run shown in invoices v4' }),
      oldV3.id,
    );
    // Two panes of one label: named by their run dates.
    const before = await within(compare()).findByRole('region', {
      name: 'invoices v3 (2026-01-01 09:00 UTC)',
    });
    const after = within(compare()).getByRole('region', {
      name: 'invoices v3 (2026-01-03 09:00 UTC)',
    });
    expect(
      await within(before).findByText('Before the redeploy'),
    ).toBeInTheDocument();
    expect(within(after).getByText('After the redeploy')).toBeInTheDocument();
    // The redeploy changed one block.
    expect(
      await within(before).findByText(/1 changed, 0 added, 0 removed/),
    ).toBeInTheDocument();

    await user.click(
      screen.getByRole('button', { name: 'Show the latest run per pipeline' }),
    );
    expect(
      await within(compare()).findByRole('region', { name: 'invoices v4' }),
    ).toBeInTheDocument();
  });

  it('adds a past run as a pane and removes a pane', async () => {
    const user = userEvent.setup();
    compareActions.documentSelected('doc-1');
    render(<CompareView />);
    await within(compare()).findByText('Version four text');
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Add a run as a pane' }),
      oldV3.id,
    );
    expect(
      within(compare()).getAllByRole('region', { name: /^invoices v3 \(/ }),
    ).toHaveLength(2);
    await user.click(
      screen.getByRole('button', { name: 'Remove pane invoices v5' }),
    );
    expect(
      within(compare()).queryByRole('region', { name: 'invoices v5' }),
    ).not.toBeInTheDocument();
  });
});
