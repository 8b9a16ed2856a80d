import { act, useState } from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { NormalizedResult } from '@/results/model';
import { compareActions } from '@/store/compare-store';
import { ComparePanes } from './compare-panes';
import type { PaneData } from './pane-model';
import { toPaneInfos } from './pane-model';
import type { BlockSpec, ResultSpec } from './testing/fixtures';
import { buildResult, buildRun } from './testing/fixtures';

const box = (top: number) => ({ left: 0.1, top, width: 0.8, height: 0.08 });

// A three-page report. Against v1, v2 changed a paragraph on page 2,
// removed the table on page 2 and added a footer on page 3.
const v1: ResultSpec = {
  blocks: [
    { type: 'Title', text: 'Quarterly report', page: 1, box: box(0.05) },
    { text: 'Revenue grew in every region', page: 1, box: box(0.2) },
    { text: 'Costs were flat over the year', page: 2, box: box(0.1) },
    { type: 'Table', text: 'North 12 South 9', page: 2, box: box(0.4) },
    { text: 'Outlook remains cautious for next year', page: 3, box: box(0.1) },
  ],
  chunks: [[0, 1], [2, 3], [4]],
  pages: 3,
};
const v2: ResultSpec = {
  blocks: [
    { type: 'Title', text: 'Quarterly report', page: 1, box: box(0.05) },
    { text: 'Revenue grew in every region', page: 1, box: box(0.2) },
    { text: 'Costs were flat over the whole year', page: 2, box: box(0.1) },
    { text: 'Outlook remains cautious for next year', page: 3, box: box(0.1) },
    { type: 'Footer', text: 'Confidential draft', page: 3, box: box(0.9) },
  ],
  chunks: [[0, 1], [2], [3, 4]],
  pages: 3,
};

function renderCompare(results: [NormalizedResult, NormalizedResult]) {
  const runs = ['report v1', 'report v2'].map((label) =>
    buildRun({ pipelineLabel: label, pipelineId: `pl-${label.slice(-2)}` }),
  );
  const panes: PaneData[] = toPaneInfos(runs).map((info, i) => ({
    ...info,
    result: results[i] ?? null,
    raw: { job_id: `job-${i}` },
    loading: false,
    loadError: null,
  }));
  function Harness() {
    const [baselineRunId, setBaseline] = useState<string | null>(null);
    return (
      <ComparePanes
        documentKey="doc-1"
        documentName="report.pdf"
        panes={panes}
        documentRuns={toPaneInfos(runs)}
        baselineRunId={baselineRunId}
        onBaselineChange={setBaseline}
        onPanesChange={() => {}}
        panesChosen={false}
        onShowLatest={() => {}}
        syncScroll
        onSyncScrollChange={() => {}}
      />
    );
  }
  const user = userEvent.setup();
  render(<Harness />);
  return { user };
}

const pane = (name: string) =>
  within(screen.getByRole('region', { name: 'Compare' })).getByRole('region', {
    name,
  });
const documentOf = (name: string) =>
  screen.findByRole('region', { name: `Document: ${name}` });
const blocksOf = (name: string) =>
  within(pane(name)).findByRole('list', { name: `Blocks of ${name}` });

/** Waits until the comparison is done (the difference count shows). */
async function compared() {
  const nav = screen.getByRole('group', { name: 'Differences' });
  await within(nav).findByText(/^\d+ differences$|^No differences/);
  return nav;
}

beforeEach(() => {
  act(() => compareActions.reset());
});

// The Document view loads lazily; a shared machine can be slow.
describe(
  'Selection linking across views and panes',
  { timeout: 20_000 },
  () => {
    it('a box clicked in the Document view is the selected row of every Blocks list and chunk of every Content view, across tab switches', async () => {
      const { user } = renderCompare([buildResult(v1), buildResult(v2)]);
      await compared();
      await user.click(screen.getByRole('tab', { name: 'Document' }));
      const doc2 = await documentOf('report v2');
      await user.click(
        within(doc2).getByRole('button', {
          name: 'Text block on page 1: Revenue grew in every region',
        }),
      );

      await user.click(screen.getByRole('tab', { name: 'Blocks' }));
      for (const name of ['report v1', 'report v2']) {
        const list = await blocksOf(name);
        const selected = within(list).getByRole('button', {
          name: 'Select Text block on page 1: Revenue grew in every region',
        });
        expect(selected).toHaveAttribute('aria-pressed', 'true');
        // Seen as text too, not by colour alone; and only on that row.
        const row = within(list)
          .getAllByRole('listitem')
          .find((item) =>
            within(item).queryByRole('button', { pressed: true }),
          );
        expect(row).toHaveTextContent('● Selected');
        expect(within(list).getAllByText('● Selected')).toHaveLength(1);
        expect(
          within(list).getByRole('button', {
            name: 'Select Title block on page 1: Quarterly report',
          }),
        ).toHaveAttribute('aria-pressed', 'false');
      }

      await user.click(screen.getByRole('tab', { name: 'Content' }));
      for (const name of ['report v1', 'report v2']) {
        const chunk = within(pane(name)).getByRole('article', {
          name: 'Chunk 1',
        });
        expect(
          within(chunk).getByRole('button', { name: 'Select chunk 1' }),
        ).toHaveAttribute('aria-pressed', 'true');
        expect(within(chunk).getByText('● Selected')).toBeInTheDocument();
      }

      // Back in the Document view the box is still selected, in both panes.
      await user.click(screen.getByRole('tab', { name: 'Document' }));
      for (const name of ['report v1', 'report v2']) {
        expect(
          within(await documentOf(name)).getByRole('button', {
            name: 'Text block on page 1: Revenue grew in every region',
          }),
        ).toHaveAttribute('aria-pressed', 'true');
      }
    });

    it('a row selected in the Blocks list turns the Document view of both panes to its page, the box highlighted', async () => {
      const { user } = renderCompare([buildResult(v1), buildResult(v2)]);
      await compared();
      await user.click(screen.getByRole('tab', { name: 'Blocks' }));
      const list = await blocksOf('report v2');
      const row = within(list).getByRole('button', {
        name: 'Select Text block on page 3: Outlook remains cautious for next year',
      });
      await user.click(row);
      expect(row).toHaveAttribute('aria-pressed', 'true');
      // The baseline's list follows at once.
      expect(
        within(await blocksOf('report v1')).getByRole('button', {
          name: 'Select Text block on page 3: Outlook remains cautious for next year',
        }),
      ).toHaveAttribute('aria-pressed', 'true');

      await user.click(screen.getByRole('tab', { name: 'Document' }));
      for (const name of ['report v1', 'report v2']) {
        const doc = await documentOf(name);
        expect(
          await within(doc).findByRole('group', { name: 'Page 3 of 3' }),
        ).toBeInTheDocument();
        expect(
          within(doc).getByRole('button', {
            name: 'Text block on page 3: Outlook remains cautious for next year',
          }),
        ).toHaveAttribute('aria-pressed', 'true');
      }

      // Clicking the selected row again clears the selection everywhere.
      await user.click(screen.getByRole('tab', { name: 'Blocks' }));
      const again = within(await blocksOf('report v1')).getByRole('button', {
        name: 'Select Text block on page 3: Outlook remains cautious for next year',
      });
      await user.click(again);
      expect(again).toHaveAttribute('aria-pressed', 'false');
      expect(screen.queryByText('● Selected')).not.toBeInTheDocument();
    });

    it('a chunk selected in the Content view selects its first block in every pane and view', async () => {
      const { user } = renderCompare([buildResult(v1), buildResult(v2)]);
      await compared();
      const chunk = within(pane('report v1')).getByRole('article', {
        name: 'Chunk 2',
      });
      await user.click(
        within(chunk).getByRole('button', { name: 'Select chunk 2' }),
      );
      // v2's chunk 2 holds the (changed) paragraph aligned to v1's first block.
      expect(
        within(
          within(pane('report v2')).getByRole('article', { name: 'Chunk 2' }),
        ).getByRole('button', { name: 'Select chunk 2' }),
      ).toHaveAttribute('aria-pressed', 'true');

      await user.click(screen.getByRole('tab', { name: 'Document' }));
      const doc2 = await documentOf('report v2');
      expect(
        await within(doc2).findByRole('button', {
          name: 'Text block on page 2, changed: Costs were flat over the whole year',
        }),
      ).toHaveAttribute('aria-pressed', 'true');
    });

    it('stepping through differences selects each one’s block, so the Document view follows', async () => {
      const { user } = renderCompare([buildResult(v1), buildResult(v2)]);
      await compared();
      await user.click(screen.getByRole('tab', { name: 'Document' }));
      const doc1 = await documentOf('report v1');
      const doc2 = await documentOf('report v2');

      await user.keyboard('n');
      // The changed paragraph, on page 2: both panes turn there.
      expect(
        within(doc2).getByRole('button', {
          name: 'Text block on page 2, changed: Costs were flat over the whole year',
        }),
      ).toHaveAttribute('aria-pressed', 'true');
      expect(
        within(doc1).getByRole('button', {
          name: 'Text block on page 2: Costs were flat over the year',
        }),
      ).toHaveAttribute('aria-pressed', 'true');

      // The removed table: selected as the baseline's block.
      await user.keyboard('n');
      expect(
        within(doc2).getByRole('button', {
          name: 'Table block on page 2, removed: North 12 South 9',
        }),
      ).toHaveAttribute('aria-pressed', 'true');
      expect(
        within(doc1).getByRole('button', {
          name: 'Table block on page 2: North 12 South 9',
        }),
      ).toHaveAttribute('aria-pressed', 'true');

      // The added footer, on page 3; the baseline has nothing to highlight.
      await user.click(screen.getByRole('button', { name: 'Next difference' }));
      expect(
        await within(doc2).findByRole('button', {
          name: 'Footer block on page 3, added: Confidential draft',
        }),
      ).toHaveAttribute('aria-pressed', 'true');
      expect(
        within(doc1).getByRole('group', { name: 'Page 3 of 3' }),
      ).toBeInTheDocument();
      expect(
        within(doc1).queryByRole('button', { pressed: true }),
      ).not.toBeInTheDocument();

      // The Blocks view shows the same selection.
      await user.click(screen.getByRole('tab', { name: 'Blocks' }));
      expect(
        within(await blocksOf('report v2')).getByRole('button', {
          name: 'Select Footer block on page 3, added: Confidential draft',
        }),
      ).toHaveAttribute('aria-pressed', 'true');
    });

    it('scrolls a long Blocks list to the block selected elsewhere', async () => {
      // 40 pages of 3 blocks: far more rows than the list renders at once.
      const blocks: BlockSpec[] = Array.from({ length: 120 }, (_, i) => ({
        text: `Paragraph ${i + 1} of the long report`,
        page: Math.floor(i / 3) + 1,
        box: box(0.1 + (i % 3) * 0.3),
      }));
      const spec: ResultSpec = { blocks, chunks: [blocks.map((_, i) => i)] };
      const { user } = renderCompare([buildResult(spec), buildResult(spec)]);
      await compared();
      await user.click(screen.getByRole('tab', { name: 'Document' }));
      const doc2 = await documentOf('report v2');
      const field = within(doc2).getByRole('spinbutton', {
        name: 'Page number',
      });
      await user.clear(field);
      await user.type(field, '34{Enter}');
      await user.click(
        await within(doc2).findByRole('button', {
          name: 'Text block on page 34: Paragraph 101 of the long report',
        }),
      );

      await user.click(screen.getByRole('tab', { name: 'Blocks' }));
      for (const name of ['report v1', 'report v2']) {
        const list = await blocksOf(name);
        expect(
          within(list).getByRole('button', {
            name: 'Select Text block on page 34: Paragraph 101 of the long report',
          }),
        ).toHaveAttribute('aria-pressed', 'true');
        // Virtualised: the first rows are no longer rendered.
        expect(
          within(list).queryByRole('button', {
            name: /: Paragraph 1 of the long report$/,
          }),
        ).not.toBeInTheDocument();
      }
    });
  },
);
