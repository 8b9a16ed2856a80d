import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  connectionActions,
  resetConnectionStore,
} from '@/store/connection-store';
import {
  getSelectedPipelines,
  resetPipelinesStore,
} from '@/store/pipelines-store';
import { PipelineList } from './pipeline-list';

type User = ReturnType<typeof userEvent.setup>;

async function add(user: User, id: string, label = '') {
  if (id) await user.type(screen.getByLabelText('Pipeline ID'), id);
  if (label) await user.type(screen.getByLabelText('Label'), label);
  await user.click(screen.getByRole('button', { name: 'Add pipeline' }));
}

/** The checkboxes in list order must be those named by `labels`. */
const expectOrder = (labels: string[]) =>
  expect(
    within(screen.getByRole('list', { name: 'Saved pipelines' })).getAllByRole(
      'checkbox',
    ),
  ).toEqual(labels.map((name) => screen.getByRole('checkbox', { name })));

beforeEach(() => {
  resetConnectionStore();
  resetPipelinesStore();
});

describe('PipelineList with a key', () => {
  beforeEach(() => connectionActions.keyEntered('sk-test'));

  it('adds a pipeline with its label and ID, included in the next run', async () => {
    const user = userEvent.setup();
    render(<PipelineList />);
    expect(screen.getByText(/no pipelines yet/i)).toBeInTheDocument();
    await add(user, '  pipe_123  ', 'invoices v3');
    const box = screen.getByRole('checkbox', { name: 'invoices v3' });
    expect(box).toBeChecked();
    expect(screen.getByText('pipe_123')).toBeInTheDocument();
    expect(screen.getByLabelText('Pipeline ID')).toHaveValue('');
    expect(screen.getByRole('status')).toHaveTextContent('Added invoices v3.');
  });

  it('uses the ID as the label when none is given', async () => {
    const user = userEvent.setup();
    render(<PipelineList />);
    await add(user, 'pipe_9');
    expect(screen.getByRole('checkbox', { name: 'pipe_9' })).toBeChecked();
  });

  it.each([
    ['empty', ''],
    ['whitespace-only', '   '],
  ])('refuses an %s ID and keeps the label typed', async (_, id) => {
    const user = userEvent.setup();
    render(<PipelineList />);
    await add(user, id, 'my label');
    expect(screen.getByRole('alert')).toHaveTextContent(/enter a pipeline id/i);
    expect(screen.getByLabelText('Pipeline ID')).toBeInvalid();
    expect(screen.getByLabelText('Label')).toHaveValue('my label');
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });

  it('refuses a duplicate ID, even with spaces around it', async () => {
    const user = userEvent.setup();
    render(<PipelineList />);
    await add(user, 'pipe_1', 'first');
    await add(user, ' pipe_1 ', 'second');
    expect(screen.getByRole('alert')).toHaveTextContent(
      '“pipe_1” is already in the list.',
    );
    expect(screen.getAllByRole('checkbox')).toHaveLength(1);
  });

  it('chooses which pipelines take part in the next run', async () => {
    const user = userEvent.setup();
    render(<PipelineList />);
    await add(user, 'a', 'A');
    await add(user, 'b', 'B');
    await user.click(screen.getByRole('checkbox', { name: 'A' }));
    expect(screen.getByRole('checkbox', { name: 'A' })).not.toBeChecked();
    expect(getSelectedPipelines().map((p) => p.id)).toEqual(['b']);
    expect(screen.getByText('1 of 2 selected for the next run.')).toBeVisible();
  });

  it('edits a pipeline inline, and cancel leaves it unchanged', async () => {
    const user = userEvent.setup();
    render(<PipelineList />);
    await add(user, 'pipe_1', 'invoices v3');
    await user.click(screen.getByRole('button', { name: 'Edit invoices v3' }));
    const form = screen.getByRole('form', { name: 'Edit invoices v3' });
    await user.clear(within(form).getByLabelText('Edited label'));
    await user.type(within(form).getByLabelText('Edited label'), 'nope');
    await user.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('checkbox', { name: 'invoices v3' })).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Edit invoices v3' }));
    const id = screen.getByLabelText('Edited pipeline ID');
    await user.clear(id);
    await user.type(id, ' pipe_2 ');
    await user.clear(screen.getByLabelText('Edited label'));
    await user.type(screen.getByLabelText('Edited label'), 'invoices v4');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('checkbox', { name: 'invoices v4' })).toBeVisible();
    expect(screen.getByText('pipe_2')).toBeVisible();
    expect(screen.queryByText('pipe_1')).not.toBeInTheDocument();
  });

  it('refuses an edit to a blank or duplicate ID, keeping the form open', async () => {
    const user = userEvent.setup();
    render(<PipelineList />);
    await add(user, 'a', 'A');
    await add(user, 'b', 'B');
    await user.click(screen.getByRole('button', { name: 'Edit B' }));
    const id = screen.getByLabelText('Edited pipeline ID');
    await user.clear(id);
    await user.type(id, 'a');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert')).toHaveTextContent('already in the list');
    await user.clear(id);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/cannot be blank/);
    expect(screen.getByRole('form', { name: 'Edit B' })).toBeVisible();
  });

  it('removes and reorders pipelines', async () => {
    const user = userEvent.setup();
    render(<PipelineList />);
    await add(user, 'a', 'A');
    await add(user, 'b', 'B');
    await add(user, 'c', 'C');
    expect(screen.getByRole('button', { name: 'Move A up' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move C down' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Move C up' }));
    expectOrder(['A', 'C', 'B']);
    await user.click(screen.getByRole('button', { name: 'Move A down' }));
    expectOrder(['C', 'A', 'B']);
    await user.click(screen.getByRole('button', { name: 'Remove A' }));
    expectOrder(['C', 'B']);
    expect(screen.getByRole('status')).toHaveTextContent('Removed A.');
  });

  it('shows the same list after a reload', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<PipelineList />);
    await add(user, 'a', 'A');
    await add(user, 'b', 'B');
    await user.click(screen.getByRole('checkbox', { name: 'A' }));
    unmount();
    resetPipelinesStore();
    render(<PipelineList />);
    expectOrder(['A', 'B']);
    expect(screen.getByRole('checkbox', { name: 'A' })).not.toBeChecked();
  });

  it('starts empty and says so when the saved list is corrupt', () => {
    localStorage.setItem('reducto-compare:pipelines', '[oops');
    resetPipelinesStore();
    render(<PipelineList />);
    expect(screen.getByRole('alert')).toHaveTextContent(/unreadable/i);
    expect(screen.getByText(/no pipelines yet/i)).toBeInTheDocument();
  });
});

describe('PipelineList in demo mode', () => {
  it('offers the demo pipelines, selectable but not editable', async () => {
    const user = userEvent.setup();
    render(<PipelineList />);
    expect(screen.getByRole('checkbox', { name: 'Demo: lines' })).toBeChecked();
    expect(
      screen.getByRole('checkbox', { name: 'Demo: layout' }),
    ).toBeChecked();
    const split = screen.getByRole('checkbox', { name: 'Demo: split' });
    expect(split).not.toBeChecked();
    await user.click(split);
    expect(split).toBeChecked();
    expect(
      screen.queryByRole('button', { name: /edit demo/i }),
    ).not.toBeInTheDocument();
    await add(user, 'mine', 'My pipeline');
    expect(screen.getByRole('checkbox', { name: 'My pipeline' })).toBeChecked();
  });
});

/** Serious and critical axe-core findings (contrast needs a real browser). */
async function axeProblems(root: Element) {
  const { violations } = await axe.run(root, {
    rules: { 'color-contrast': { enabled: false } },
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => v.id);
}

describe('PipelineList: accessibility', () => {
  it('has no serious axe findings with demo, saved and refused pipelines', async () => {
    const user = userEvent.setup();
    render(<PipelineList />);
    await add(user, 'mine', 'Mine');
    await add(user, 'mine');
    await user.click(screen.getByRole('button', { name: 'Edit Mine' }));
    expect(
      await axeProblems(screen.getByRole('region', { name: 'Pipelines' })),
    ).toEqual([]);
  });
});
