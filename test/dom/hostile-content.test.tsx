import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { normalizeResponse } from '@/results/normalize';
import { compareActions } from '@/store/compare-store';
import {
  ALL_HOSTILE_MARKUP,
  HOSTILE_NAME,
  HOSTILE_SNIPPETS,
  allSnippetsResponse,
  deeplyNested,
  hostileResponse,
  hugeText,
} from '../fixtures/hostile-result';
import { ComparePanes } from '@/features/compare/compare-panes';
import type { PaneData } from '@/features/compare/pane-model';
import { toPaneInfos } from '@/features/compare/pane-model';
import { buildRun } from '@/features/compare/testing/fixtures';

/**
 * Document text, block types, field names, split names, document names and
 * pipeline labels are all untrusted. Whatever they hold, every view of the
 * compare feature shows them as inert text and stays light.
 */

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

interface PaneSpec {
  label: string;
  response: unknown;
}

function renderPanes(specs: PaneSpec[], documentName = 'invoice.pdf') {
  const runs = specs.map((spec, i) =>
    buildRun({
      documentName,
      pipelineLabel: spec.label,
      pipelineId: `pl-${i}`,
    }),
  );
  const panes: PaneData[] = toPaneInfos(runs).map((info, i) => ({
    ...info,
    result: normalizeResponse(specs[i]?.response),
    raw: specs[i]?.response,
    loading: false,
    loadError: null,
  }));
  const user = userEvent.setup();
  const view = render(
    <ComparePanes
      documentKey="doc-1"
      documentName={documentName}
      panes={panes}
      documentRuns={toPaneInfos(runs)}
      baselineRunId={null}
      onBaselineChange={() => {}}
      onPanesChange={() => {}}
      panesChosen={false}
      onShowLatest={() => {}}
      syncScroll={false}
      onSyncScrollChange={() => {}}
    />,
  );
  return { user, ...view };
}

const pane = (name: string) =>
  within(screen.getByRole('region', { name: /^Compare/ })).getByRole('region', {
    name,
  });

/** Elements that must never come from document text. */
const ACTIVE_ELEMENTS =
  'script, iframe, frame, object, embed, form, input, button[formaction], base, style, link, meta, svg, math, video, audio, source, picture, img';

/** Attributes that load a resource or navigate, and must not point anywhere. */
const URL_ATTRIBUTES = [
  'src',
  'srcset',
  'poster',
  'background',
  'action',
  'formaction',
  'xlink:href',
  'data',
];

/* eslint-disable testing-library/no-node-access --
   Inertness is about elements and attributes that no role or label finds
   (a <script>, an onerror, a javascript: href): only the DOM shows them. */

/** Asserts that `root` (rendered document text) holds nothing active. */
function expectInert(root: HTMLElement) {
  expect(root.querySelectorAll(ACTIVE_ELEMENTS)).toHaveLength(0);
  for (const element of root.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      expect(attribute.name).not.toMatch(/^on/i);
      expect(URL_ATTRIBUTES).not.toContain(attribute.name.toLowerCase());
      if (attribute.name === 'href') {
        expect(attribute.value).toMatch(/^(https?:|mailto:)/i);
      }
    }
  }
  expect(window.__pwned).toBeUndefined();
}

/** Elements matching `selector` inside `root`. */
const elements = (root: ParentNode, selector: string) =>
  root.querySelectorAll(selector);

/* eslint-enable testing-library/no-node-access */

beforeEach(() => {
  delete window.__pwned;
  act(() => compareActions.reset());
});

/** Characters of text the browser holds for `root`. */
const textSize = (root: HTMLElement) => (root.textContent ?? '').length;

describe('markup in document text', { timeout: 30_000 }, () => {
  it('Content view: sanitised Markdown, the words still readable', () => {
    renderPanes([{ label: 'evil', response: allSnippetsResponse() }]);
    const content = within(pane('evil')).getByRole('region', {
      name: 'Content view of evil',
    });
    expectInert(content);
    for (const words of [
      'Visible after script',
      'Visible js link',
      'Visible entity link',
      'Visible md link',
      'Visible data link',
      'Visible after iframe',
      'Visible after style',
      'Visible button',
      'Visible after base',
      'Visible cell',
      'Visible summary',
      'Visible clobber',
    ]) {
      expect(content).toHaveTextContent(words);
    }
  });

  it('Content view: links that survive open in a new tab without an opener; the rest lose their href', () => {
    renderPanes([{ label: 'evil', response: allSnippetsResponse() }]);
    const content = within(pane('evil')).getByRole('region', {
      name: 'Content view of evil',
    });
    const external = within(content).getByRole('link', {
      name: 'Visible external link',
    });
    expect(external).toHaveAttribute('href', 'https://example.com/terms');
    expect(external).toHaveAttribute('target', '_blank');
    expect(external).toHaveAttribute('rel', 'noopener noreferrer');
    // javascript:, data: and entity-encoded links are no links at all.
    for (const name of [
      'Visible js link',
      'Visible entity link',
      'Visible md link',
      'Visible data link',
    ]) {
      expect(
        within(content).queryByRole('link', { name }),
      ).not.toBeInTheDocument();
    }
  });

  it('Content view: ids from the document cannot take the ids of the page', () => {
    renderPanes([{ label: 'evil', response: allSnippetsResponse() }]);
    const content = within(pane('evil')).getByRole('region', {
      name: 'Content view of evil',
    });
    // An id="root" from a document would shadow the app's own #root (and
    // any id the app's labels point at).
    expect(elements(content, '#root')).toHaveLength(0);
    expect(elements(content, '[name="root"]')).toHaveLength(0);
  });

  it('Blocks view: each block shows its markup as literal text, in both panes', async () => {
    const snippets = Object.values(HOSTILE_SNIPPETS);
    const { user } = renderPanes([
      { label: 'evil', response: allSnippetsResponse() },
      {
        label: 'eviler',
        response: hostileResponse({
          chunks: [{ blocks: snippets.map((s) => `${s} (changed)`) }],
        }),
      },
    ]);
    await user.click(screen.getByRole('tab', { name: 'Blocks' }));
    const baseline = within(pane('evil')).getByRole('list', {
      name: 'Blocks of evil',
    });
    expect(
      within(baseline).getByText(HOSTILE_SNIPPETS.script),
    ).toBeInTheDocument();
    expect(
      within(baseline).getByText(HOSTILE_SNIPPETS.imgOnerror),
    ).toBeInTheDocument();
    expectInert(baseline);
    const candidate = within(pane('eviler')).getByRole('list', {
      name: 'Blocks of eviler',
    });
    // Word changes: the insertion is the word added, as text.
    expect(
      (await within(candidate).findAllByRole('insertion')).map((el) =>
        el.textContent?.trim(),
      ),
    ).toContain('(changed)');
    expect(candidate).toHaveTextContent('<script>window.__pwned = 1</script>');
    expectInert(candidate);
  });

  it('Extract and Split views: hostile field names, values and split names are text', async () => {
    const { user } = renderPanes([
      { label: 'evil', response: allSnippetsResponse() },
    ]);
    await user.click(screen.getByRole('tab', { name: 'Extract' }));
    const fields = within(pane('evil')).getByRole('table', {
      name: 'Extracted fields of evil',
    });
    expect(
      within(fields).getByRole('rowheader', {
        name: /<script>window.__pwned = 1<\/script>/,
      }),
    ).toBeInTheDocument();
    expect(
      within(fields).getByText(HOSTILE_SNIPPETS.imgOnerror),
    ).toBeInTheDocument();
    expectInert(fields);

    await user.click(screen.getByRole('tab', { name: 'Split' }));
    const split = within(pane('evil')).getByRole('table', {
      name: 'Split of evil',
    });
    expect(
      within(split).getByRole('rowheader', {
        name: HOSTILE_SNIPPETS.imgOnerror,
      }),
    ).toBeInTheDocument();
    expectInert(split);
  });

  it('JSON view: strings of the response are shown as text', async () => {
    const { user } = renderPanes([
      {
        label: 'evil',
        response: { ...allSnippetsResponse(), note: ALL_HOSTILE_MARKUP },
      },
    ]);
    await user.click(screen.getByRole('tab', { name: 'JSON' }));
    const json = within(pane('evil')).getByRole('region', {
      name: 'JSON view of evil',
    });
    expect(json).toHaveTextContent('<script>window.__pwned = 1</script>');
    expectInert(json);
  });

  it('Document view: box names and titles are the words, not the markup', async () => {
    const { user } = renderPanes([
      { label: 'evil', response: allSnippetsResponse() },
    ]);
    await user.click(screen.getByRole('tab', { name: 'Document' }));
    const documentView = await within(pane('evil')).findByRole(
      'region',
      { name: 'Document: evil' },
      { timeout: 10_000 },
    );
    const box = within(documentView).getByRole('button', {
      name: 'Text block on page 1: Visible after img',
    });
    expect(box).toHaveAttribute(
      'title',
      'Text block on page 1: Visible after img',
    );
    // The drawn page (the view's own controls are inputs, so not the whole view).
    expectInert(
      within(documentView).getByRole('group', { name: /^Page 1 of/ }),
    );
  });

  it('a hostile block type is a label, not markup', async () => {
    const { user } = renderPanes([
      {
        label: 'evil',
        response: hostileResponse({
          chunks: [{ blocks: ['Hello'], type: HOSTILE_SNIPPETS.imgOnerror }],
        }),
      },
    ]);
    await user.click(screen.getByRole('tab', { name: 'Blocks' }));
    const list = within(pane('evil')).getByRole('list', {
      name: 'Blocks of evil',
    });
    expect(
      within(list).getByText(HOSTILE_SNIPPETS.imgOnerror),
    ).toBeInTheDocument();
    expectInert(list);
  });
});

describe('markup in document names and pipeline labels', () => {
  it('shows them as text in the heading, pane names, pickers and summary', async () => {
    renderPanes(
      [
        { label: HOSTILE_NAME, response: allSnippetsResponse() },
        { label: `${HOSTILE_NAME} v2`, response: allSnippetsResponse() },
      ],
      HOSTILE_NAME,
    );
    expect(
      screen.getByRole('heading', { name: `Compare: ${HOSTILE_NAME}` }),
    ).toBeInTheDocument();
    const second = pane(`${HOSTILE_NAME} v2`);
    expect(
      within(second).getByRole('heading', { name: `${HOSTILE_NAME} v2` }),
    ).toBeInTheDocument();
    expect(
      within(second).getByRole('button', {
        name: `Remove pane ${HOSTILE_NAME} v2`,
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('option', { name: `${HOSTILE_NAME} v2` }),
    ).toBeInTheDocument();
    expect(
      await within(second).findByText(/\d+ changed, \d+ added, \d+ removed, /),
    ).toBeInTheDocument();
    // Nothing but the app's own markup: no <img> anywhere on the page.
    expect(elements(document, 'img')).toHaveLength(0);
    expect(window.__pwned).toBeUndefined();
  });
});

describe('huge texts', { timeout: 60_000 }, () => {
  const TWO_MILLION = 2_000_000;
  const FIVE_MILLION = 5_000_000;

  it('Blocks view: a 2,000,000-character block is cut, with a way to see it whole', async () => {
    const text = hugeText(TWO_MILLION);
    const { user } = renderPanes([
      {
        label: 'big',
        response: hostileResponse({ chunks: [{ blocks: [text, 'Small'] }] }),
      },
    ]);
    await user.click(screen.getByRole('tab', { name: 'Blocks' }));
    const list = within(pane('big')).getByRole('list', {
      name: 'Blocks of big',
    });
    expect(within(list).getByText('Small')).toBeInTheDocument();
    // The page holds a screenful, not millions of characters.
    expect(textSize(list)).toBeLessThan(100_000);
    expect(list).toHaveTextContent(/… 1,98\d,\d{3} more characters/);

    await user.click(
      within(list).getByRole('button', { name: 'Show full text' }),
    );
    expect(textSize(list)).toBeGreaterThanOrEqual(TWO_MILLION);
    expect(
      within(list).queryByRole('button', { name: 'Show full text' }),
    ).not.toBeInTheDocument();
  });

  it('Content view: a 5,000,000-character chunk renders only its start, and says how much is left', () => {
    renderPanes([
      {
        label: 'big',
        response: hostileResponse({
          chunks: [{ content: hugeText(FIVE_MILLION), blocks: ['Short'] }],
        }),
      },
    ]);
    const content = within(pane('big')).getByRole('region', {
      name: 'Content view of big',
    });
    expect(textSize(content)).toBeLessThan(100_000);
    expect(content).toHaveTextContent(/… 4,98\d,\d{3} more characters/);
    expect(
      within(content).getByRole('button', { name: 'Show full text' }),
    ).toBeInTheDocument();
  });

  it('Blocks view: the word changes of two unrelated 1,000,000-character blocks are cut too', async () => {
    const { user } = renderPanes([
      {
        label: 'before',
        response: hostileResponse({
          chunks: [{ blocks: [hugeText(1_000_000, 'alpha')] }],
        }),
      },
      {
        label: 'after',
        response: hostileResponse({
          chunks: [{ blocks: [hugeText(1_000_000, 'beta')] }],
        }),
      },
    ]);
    await user.click(screen.getByRole('tab', { name: 'Blocks' }));
    const list = within(pane('after')).getByRole('list', {
      name: 'Blocks of after',
    });
    expect(
      await within(list).findByText('± changed', {}, { timeout: 20_000 }),
    ).toBeInTheDocument();
    expect(textSize(list)).toBeLessThan(100_000);
    expect(
      within(list).getByRole('button', { name: 'Show full text' }),
    ).toBeInTheDocument();
  });

  it('JSON view: a 5,000,000-character string is cut, and says the export has it all', async () => {
    const response = {
      ...hostileResponse({ chunks: [{ blocks: ['Short'] }] }),
      note: hugeText(FIVE_MILLION),
    };
    const { user } = renderPanes([{ label: 'big', response }]);
    await user.click(screen.getByRole('tab', { name: 'JSON' }));
    const json = within(pane('big')).getByRole('region', {
      name: 'JSON view of big',
    });
    expect(textSize(json)).toBeLessThan(100_000);
    expect(json).toHaveTextContent(
      /… 4,98\d,\d{3} more characters: export the JSON to see them/,
    );
  });

  it('20,000 blocks in one chunk: the Blocks list renders a window, the chunk is cut', async () => {
    const texts = Array.from({ length: 20_000 }, (_, i) => `cell ${i}`);
    const { user } = renderPanes([
      {
        label: 'many',
        response: hostileResponse({ chunks: [{ blocks: texts }] }),
      },
    ]);
    const content = within(pane('many')).getByRole('region', {
      name: 'Content view of many',
    });
    expect(
      within(content).getByRole('button', { name: 'Show full text' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Blocks' }));
    const list = within(pane('many')).getByRole('list', {
      name: 'Blocks of many',
    });
    expect(within(list).getByText('cell 0')).toBeInTheDocument();
    expect(within(list).getAllByRole('listitem').length).toBeLessThan(200);
  });
});

describe('deeply nested JSON', { timeout: 30_000 }, () => {
  it('a response nested 10,000 levels deep opens in the JSON view, collapsed', async () => {
    const response = {
      ...hostileResponse({ chunks: [{ blocks: ['Hello'] }] }),
      deep: deeplyNested(10_000),
    };
    const { user } = renderPanes([{ label: 'deep', response }]);
    await user.click(screen.getByRole('tab', { name: 'JSON' }));
    const json = within(pane('deep')).getByRole('region', {
      name: 'JSON view of deep',
    });
    expect(json).toHaveTextContent('deep');
    // Collapsed below depth 2: a handful of elements, not 10,000 levels.
    expect(elements(json, '*').length).toBeLessThan(500);
  });

  it('an extract nested 10,000 levels deep still shows the blocks and says why a field is missing', async () => {
    const { user } = renderPanes([
      {
        label: 'deep',
        response: hostileResponse({
          chunks: [{ blocks: ['Hello'] }],
          extract: { total: 1, deep: deeplyNested(10_000) },
        }),
      },
    ]);
    expect(
      within(pane('deep')).getByRole('region', {
        name: 'Content view of deep',
      }),
    ).toHaveTextContent('Hello');
    await user.click(screen.getByRole('tab', { name: 'Extract' }));
    const fields = within(pane('deep')).getByRole('table', {
      name: 'Extracted fields of deep',
    });
    expect(
      within(fields).getByRole('rowheader', { name: 'total' }),
    ).toBeInTheDocument();
  });
});
