import {
  configure,
  render,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { compareActions } from '@/store/compare-store';
import { documentsActions } from '@/store/documents-store';
import { pipelinesActions } from '@/store/pipelines-store';
import { runsSetup } from '@/store/runs-store';
import { setupRunsHarness } from '@/store/runs-test-harness';
import { HistoryPanel } from '@/features/history/history-panel';
import { RunsWorkspace } from '@/features/runs/runs-workspace';
import { HOSTILE_NAME } from '../fixtures/hostile-result';

/**
 * A file name and a pipeline label are typed or chosen by the user, and may
 * come from anywhere (a file named `<img src=x onerror=…>.pdf`). The runs
 * grid and the history show them as text.
 */

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

const LABEL = '<script>window.__pwned=1</script>invoices "v3"';

configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  runsSetup.unconfigure();
  compareActions.reset();
});

/** Elements that document names must never create anywhere on the page. */
function expectNoInjectedElements() {
  // eslint-disable-next-line testing-library/no-node-access -- a <script> or an <img> without alt has no role to find it by
  expect(document.querySelectorAll('img, script, iframe')).toHaveLength(0);
  expect(window.__pwned).toBeUndefined();
}

describe(
  'hostile document names and pipeline labels',
  { timeout: 30_000 },
  () => {
    it('are text in the runs grid and in the history', async () => {
      delete window.__pwned;
      setupRunsHarness();
      const user = userEvent.setup();
      pipelinesActions.added('pipe-a', LABEL);
      const problems = await documentsActions.filesAdded([
        new File(['%PDF-1.4 hostile'], HOSTILE_NAME, {
          type: 'application/pdf',
        }),
      ]);
      expect(problems).toEqual([]);
      const { unmount } = render(<RunsWorkspace />);
      await user.click(
        screen.getByRole('button', { name: /^Run 1 document × 1 pipeline/ }),
      );
      const grid = screen.getByRole('table', { name: 'Runs' });
      expect(
        within(grid).getByRole('rowheader', {
          name: new RegExp(escape(HOSTILE_NAME)),
        }),
      ).toBeInTheDocument();
      expect(
        within(grid).getByRole('columnheader', {
          name: new RegExp(escape(LABEL)),
        }),
      ).toBeInTheDocument();
      await waitFor(() =>
        expect(within(grid).getAllByText('Completed')).toHaveLength(1),
      );
      expect(
        within(grid).getByRole('button', {
          name: `Run again: ${LABEL} on ${HOSTILE_NAME}`,
        }),
      ).toBeInTheDocument();
      expectNoInjectedElements();
      unmount();

      render(<HistoryPanel />);
      const history = await screen.findByRole('table', { name: /Run history/ });
      expect(within(history).getAllByText(HOSTILE_NAME).length).toBeGreaterThan(
        0,
      );
      expect(within(history).getAllByText(LABEL).length).toBeGreaterThan(0);
      expectNoInjectedElements();
    });
  },
);

/** A literal string as a RegExp source. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
