import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { normalizeResponse } from '@/results/normalize';
import { compareResults } from '@/results/compare';
import type { NormalizedResult } from '@/results/model';
import { compareActions } from '@/store/compare-store';
import { createSelectionAlignment } from '../selection-alignment';
import { DocumentView } from './document-view';

interface TestBlock {
  type: string;
  content: string;
  page: number;
  box: [left: number, top: number, width: number, height: number];
  confidence?: 'high' | 'low';
}

/** A parse response as the API sends it, normalised as the app does. */
function resultOf(blocks: TestBlock[], pages = 4): NormalizedResult {
  return normalizeResponse({
    job_id: 'job',
    duration: 1,
    usage: { num_pages: pages },
    result: {
      type: 'full',
      chunks: [
        {
          content: blocks.map((b) => b.content).join('\n'),
          embed: '',
          enriched: null,
          blocks: blocks.map((b) => ({
            type: b.type,
            content: b.content,
            confidence: b.confidence ?? 'high',
            bbox: {
              left: b.box[0],
              top: b.box[1],
              width: b.box[2],
              height: b.box[3],
              page: b.page,
            },
          })),
        },
      ],
    },
  });
}

const title: TestBlock = {
  type: 'Title',
  content: 'Quarterly report',
  page: 1,
  box: [0.1, 0.05, 0.8, 0.06],
};
const intro: TestBlock = {
  type: 'Text',
  content: 'Revenue grew in every region this quarter',
  page: 1,
  box: [0.1, 0.15, 0.8, 0.1],
};
const table: TestBlock = {
  type: 'Table',
  content: '<table><tr><td>North</td><td>12</td></tr></table>',
  page: 1,
  box: [0.1, 0.3, 0.8, 0.3],
};
const closing: TestBlock = {
  type: 'Text',
  content: 'Outlook for next year remains cautious',
  page: 2,
  box: [0.1, 0.1, 0.8, 0.1],
};
const notes: TestBlock = {
  type: 'Text',
  content: 'Appendix notes about the method',
  page: 3,
  box: [0.1, 0.5, 0.8, 0.1],
};

const baselineBlocks = [title, intro, table, closing, notes];

/** Renders panes the way the compare view does: baseline first. */
function renderPanes(
  candidates: { runId: string; label: string; blocks: TestBlock[] }[],
  baselineOf: TestBlock[] = baselineBlocks,
) {
  const baseline = resultOf(baselineOf);
  const compared = candidates.map((c) => {
    const result = resultOf(c.blocks);
    return { ...c, result, comparison: compareResults(baseline, result) };
  });
  const alignment = createSelectionAlignment(
    'run-base',
    Object.fromEntries(compared.map((c) => [c.runId, c.comparison])),
  );
  const panes = [
    <DocumentView
      key="base"
      runId="run-base"
      label="Baseline"
      result={baseline}
      comparison={null}
      baseline={null}
      isBaseline
      documentKey={null}
      alignment={alignment}
    />,
    ...compared.map((c) => (
      <DocumentView
        key={c.runId}
        runId={c.runId}
        label={c.label}
        result={c.result}
        comparison={c.comparison}
        baseline={baseline}
        isBaseline={false}
        documentKey={null}
        alignment={alignment}
      />
    )),
  ];
  render(<div>{panes}</div>);
  return {
    pane: (label: string) =>
      screen.getByRole('region', { name: `Document: ${label}` }),
  };
}

beforeEach(() => {
  act(() => compareActions.reset());
});

// A shared 2-core machine can make the first render slow: allow for it.
describe('DocumentView', { timeout: 20_000 }, () => {
  it('draws every block of the page as a named box on a blank page when no PDF is at hand', () => {
    const { pane } = renderPanes([]);
    const base = pane('Baseline');
    expect(within(base).getByText(/PDF is not at hand/)).toBeInTheDocument();
    expect(
      within(base).getByRole('group', { name: 'Page 1 of 4' }),
    ).toBeInTheDocument();
    expect(
      within(base).getByRole('button', {
        name: 'Text block on page 1: Revenue grew in every region this quarter',
      }),
    ).toBeInTheDocument();
    // Page 2's block is not on page 1.
    expect(
      within(base).queryByRole('button', { name: /Outlook for next year/ }),
    ).not.toBeInTheDocument();
  });

  it('positions a box from its normalised coordinates at the zoom', async () => {
    const user = userEvent.setup();
    const { pane } = renderPanes([]);
    const base = pane('Baseline');
    const box = within(base).getByRole('button', { name: /^Table block/ });
    // US Letter (612 x 792 pt) at 100%: left 0.1 -> 61.2px, top 0.3 -> 237.6px.
    expect(box).toHaveStyle({ left: '61.2px' });
    expect(parseFloat(box.style.top)).toBeCloseTo(237.6);
    await user.click(within(base).getByRole('button', { name: 'Zoom in' }));
    expect(
      within(base).getByRole('status', { name: 'Zoom' }),
    ).toHaveTextContent('125%');
    expect(parseFloat(box.style.left)).toBeCloseTo(61.2 * 1.25);
  });

  it('hides and shows the boxes of a type from the legend', async () => {
    const user = userEvent.setup();
    const { pane } = renderPanes([]);
    const base = pane('Baseline');
    const toggle = within(base).getByRole('checkbox', {
      name: 'Show Table blocks',
    });
    expect(toggle).toBeChecked();

    await user.click(toggle);
    expect(
      within(base).queryByRole('button', { name: /^Table block/ }),
    ).not.toBeInTheDocument();
    expect(
      within(base).getByRole('button', { name: /^Text block/ }),
    ).toBeInTheDocument();

    await user.click(toggle);
    expect(
      within(base).getByRole('button', { name: /^Table block/ }),
    ).toBeInTheDocument();
  });

  it('highlights the aligned block in the other pane when a box is clicked', async () => {
    const user = userEvent.setup();
    // The candidate reads the same text with slightly different boxes.
    const { pane } = renderPanes([
      {
        runId: 'run-v2',
        label: 'v2',
        blocks: [
          title,
          { ...intro, box: [0.1, 0.151, 0.8, 0.1] },
          table,
          closing,
          notes,
        ],
      },
    ]);
    const introName = /^Text block on page 1: Revenue grew/;
    await user.click(
      within(pane('v2')).getByRole('button', { name: introName }),
    );
    expect(
      within(pane('v2')).getByRole('button', { name: introName }),
    ).toHaveAttribute('aria-pressed', 'true');
    expect(
      within(pane('Baseline')).getByRole('button', { name: introName }),
    ).toHaveAttribute('aria-pressed', 'true');
    expect(
      within(pane('Baseline')).getByRole('button', { name: /^Table block/ }),
    ).toHaveAttribute('aria-pressed', 'false');

    // And back: selecting in the baseline moves the highlight in v2.
    await user.click(
      within(pane('Baseline')).getByRole('button', { name: /^Title block/ }),
    );
    expect(
      within(pane('v2')).getByRole('button', { name: /^Title block/ }),
    ).toHaveAttribute('aria-pressed', 'true');
    expect(
      within(pane('v2')).getByRole('button', { name: introName }),
    ).toHaveAttribute('aria-pressed', 'false');
  });

  it('links a selection between two candidate panes through the baseline', async () => {
    const user = userEvent.setup();
    const { pane } = renderPanes([
      { runId: 'run-v2', label: 'v2', blocks: baselineBlocks },
      {
        runId: 'run-v3',
        label: 'v3',
        // v3 lost the title, so its blocks sit at other positions in the
        // list: linking must go by alignment, not by index.
        blocks: [intro, table, closing, notes],
      },
    ]);
    await user.click(
      within(pane('v2')).getByRole('button', { name: /^Table block/ }),
    );
    expect(
      within(pane('v3')).getByRole('button', { name: /^Table block/ }),
    ).toHaveAttribute('aria-pressed', 'true');
  });

  it('turns to the page of a block selected elsewhere, in every pane', async () => {
    renderPanes([{ runId: 'run-v2', label: 'v2', blocks: baselineBlocks }]);
    // As the Blocks list does: select the baseline's page-3 block.
    const baseline = resultOf(baselineBlocks);
    const notesId = baseline.blocks.find((b) => b.page === 3)?.id ?? '';
    act(() =>
      compareActions.blockSelected({ runId: 'run-base', blockId: notesId }),
    );
    for (const label of ['Baseline', 'v2']) {
      const region = screen.getByRole('region', { name: `Document: ${label}` });
      expect(
        await within(region).findByRole('button', {
          name: /^Text block on page 3: Appendix/,
          pressed: true,
        }),
      ).toBeInTheDocument();
    }
  });

  it('marks differences with a symbol and a word, not colour alone', () => {
    const { pane } = renderPanes([
      {
        runId: 'run-v2',
        label: 'v2',
        blocks: [
          title,
          { ...intro, content: 'Revenue fell in every region this quarter' },
          { ...table, type: 'Figure' },
          closing,
          notes,
          {
            type: 'Footer',
            content: 'Confidential',
            page: 1,
            box: [0.1, 0.92, 0.3, 0.03],
          },
        ],
      },
    ]);
    const v2 = pane('v2');
    const changed = within(v2).getByRole('button', {
      name: /^Text block on page 1, changed: Revenue fell/,
    });
    expect(within(changed).getByText('±')).toBeInTheDocument();
    const retyped = within(v2).getByRole('button', {
      name: /^Figure block on page 1, retyped/,
    });
    expect(within(retyped).getByText('⇄')).toBeInTheDocument();
    const added = within(v2).getByRole('button', {
      name: /^Footer block on page 1, added: Confidential/,
    });
    expect(within(added).getByText('+')).toBeInTheDocument();
    // Unchanged blocks carry no badge.
    const same = within(v2).getByRole('button', { name: /^Title block/ });
    expect(same).toHaveAccessibleName(
      'Title block on page 1: Quarterly report',
    );
  });

  it('draws a removed block where the baseline had it', async () => {
    const user = userEvent.setup();
    const { pane } = renderPanes([
      { runId: 'run-v2', label: 'v2', blocks: [title, intro, closing, notes] },
    ]);
    const removed = within(pane('v2')).getByRole('button', {
      name: /^Table block on page 1, removed/,
    });
    expect(within(removed).getByText('−')).toBeInTheDocument();
    // Selecting it highlights the baseline's block.
    await user.click(removed);
    expect(
      within(pane('Baseline')).getByRole('button', { name: /^Table block/ }),
    ).toHaveAttribute('aria-pressed', 'true');
  });

  it('goes to the next and previous pages with differences', async () => {
    const user = userEvent.setup();
    const { pane } = renderPanes([
      {
        runId: 'run-v2',
        label: 'v2',
        blocks: [
          title,
          intro,
          table,
          closing,
          { ...notes, content: 'Appendix notes about the new method' },
        ],
      },
    ]);
    const v2 = pane('v2');
    expect(
      within(v2).getByRole('button', { name: /^Page 3 ±1: 1 difference,/ }),
    ).toHaveTextContent('±1');
    expect(
      within(v2).getByRole('button', { name: 'Previous changed page' }),
    ).toBeDisabled();

    await user.click(
      within(v2).getByRole('button', { name: 'Next changed page' }),
    );
    expect(
      within(v2).getByRole('group', { name: 'Page 3 of 4' }),
    ).toBeInTheDocument();
    expect(
      within(v2).getByRole('button', { name: 'Next changed page' }),
    ).toBeDisabled();
    // Pages are synchronised: the baseline pane turned too.
    expect(
      within(pane('Baseline')).getByRole('group', { name: 'Page 3 of 4' }),
    ).toBeInTheDocument();

    await user.click(within(v2).getByRole('button', { name: 'Previous page' }));
    await user.click(
      within(v2).getByRole('button', { name: 'Previous changed page' }),
    );
    expect(
      within(v2).getByRole('group', { name: 'Page 2 of 4' }),
    ).toBeInTheDocument();
  });

  it('keeps a pane on its own page when sync is off', async () => {
    const user = userEvent.setup();
    const { pane } = renderPanes([
      { runId: 'run-v2', label: 'v2', blocks: baselineBlocks },
    ]);
    const v2 = pane('v2');
    await user.click(within(v2).getByRole('checkbox', { name: 'Sync pages' }));
    const field = within(v2).getByRole('spinbutton', { name: 'Page number' });
    await user.clear(field);
    await user.type(field, '2{Enter}');
    expect(
      within(v2).getByRole('group', { name: 'Page 2 of 4' }),
    ).toBeInTheDocument();
    expect(
      within(pane('Baseline')).getByRole('group', { name: 'Page 1 of 4' }),
    ).toBeInTheDocument();
  });

  it('shows only low-confidence blocks on request', async () => {
    const user = userEvent.setup();
    const { pane } = renderPanes(
      [],
      [title, { ...intro, confidence: 'low' }, table, closing, notes],
    );
    const base = pane('Baseline');
    await user.click(
      within(base).getByRole('checkbox', { name: 'Low-confidence only' }),
    );
    expect(
      within(base).getByRole('button', { name: /^Text block on page 1/ }),
    ).toBeInTheDocument();
    expect(
      within(base).queryByRole('button', { name: /^Title block/ }),
    ).not.toBeInTheDocument();
    expect(
      within(base).queryByRole('button', { name: /^Table block/ }),
    ).not.toBeInTheDocument();
  });

  it('ghosts the baseline boxes under the candidate on request', async () => {
    const user = userEvent.setup();
    const { pane } = renderPanes([
      { runId: 'run-v2', label: 'v2', blocks: baselineBlocks },
    ]);
    const v2 = pane('v2');
    const toggle = within(v2).getByRole('checkbox', {
      name: 'Show baseline boxes',
    });
    expect(toggle).not.toBeChecked();
    await user.click(toggle);
    expect(toggle).toBeChecked();
    // Ghosts are decoration: they add no buttons and no names.
    expect(
      within(v2).getAllByRole('button', { name: /block on page 1/ }),
    ).toHaveLength(3);
    expect(
      within(pane('Baseline')).queryByRole('checkbox', {
        name: 'Show baseline boxes',
      }),
    ).not.toBeInTheDocument();
  });
});
