import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import { act } from 'react';
import { normalizeResponse } from '@/results/normalize';
import { compareActions } from '@/store/compare-store';
import { openPdf } from '@/lib/pdf/open-pdf';
import { DocumentView } from './document-view';

// pdf.js cannot run in jsdom: stand in for the opened document instead.
vi.mock('@/lib/pdf/open-pdf', () => ({ openPdf: vi.fn() }));

/** A 6-page A5-ish document whose pages render instantly. */
function fakePdf() {
  const rendered: number[] = [];
  const doc = {
    numPages: 6,
    getPage: (page: number) =>
      Promise.resolve({
        getViewport: ({ scale }: { scale: number }) => ({
          width: 400 * scale,
          height: 600 * scale,
        }),
        render: () => {
          rendered.push(page);
          return { promise: Promise.resolve(), cancel: () => undefined };
        },
      }),
    destroy: vi.fn(() => Promise.resolve()),
  };
  return { doc, rendered };
}

const result = normalizeResponse({
  job_id: 'job',
  duration: 1,
  usage: { num_pages: 6 },
  pdf_url: 'https://storage.example/converted.pdf?X-Amz-Signature=abc',
  result: {
    type: 'full',
    chunks: [
      {
        content: 'Hello',
        embed: '',
        enriched: null,
        blocks: [
          {
            type: 'Text',
            content: 'Hello from the first page',
            bbox: { left: 0.1, top: 0.5, width: 0.5, height: 0.1, page: 1 },
          },
        ],
      },
    ],
  },
});

function renderView() {
  render(
    <DocumentView
      runId="run-1"
      label="v1"
      result={result}
      comparison={null}
      baseline={null}
      isBaseline
      documentKey={null}
      alignment={{ baselineRunId: 'run-1', comparisons: {} }}
    />,
  );
  return screen.getByRole('region', { name: 'Document: v1' });
}

beforeEach(() => {
  act(() => compareActions.reset());
});

// A shared 2-core machine can make the first render slow: allow for it.
describe('DocumentView with a PDF', { timeout: 20_000 }, () => {
  it('opens the result’s pdf_url and draws the boxes at the PDF’s page size', async () => {
    const { doc, rendered } = fakePdf();
    vi.mocked(openPdf).mockResolvedValue(doc as never);
    const view = renderView();

    expect(
      await within(view).findByRole('group', { name: 'Page 1 of 6' }),
    ).toBeInTheDocument();
    expect(openPdf).toHaveBeenCalledWith(
      'https://storage.example/converted.pdf?X-Amz-Signature=abc',
    );
    const box = within(view).getByRole('button', {
      name: 'Text block on page 1: Hello from the first page',
    });
    // 400 x 600 pt page at 100%: left 0.1 -> 40px, top 0.5 -> 300px.
    await waitFor(() =>
      expect(box).toHaveStyle({ left: '40px', top: '300px' }),
    );
    await waitFor(() => expect(rendered).toEqual([1]));
    expect(within(view).queryByText(/Loading the PDF/)).not.toBeInTheDocument();
  });

  it('says why when the PDF cannot be opened, and still draws the boxes', async () => {
    vi.mocked(openPdf).mockRejectedValue(new TypeError('Failed to fetch'));
    const view = renderView();
    expect(
      await within(view).findByText(/could not be fetched.*blocked by CORS/),
    ).toBeInTheDocument();
    expect(
      within(view).getByRole('button', { name: /^Text block on page 1/ }),
    ).toBeInTheDocument();
  });
  it('opens at fit width when the page at 100% would not fit its pane', async () => {
    const { doc } = fakePdf();
    vi.mocked(openPdf).mockResolvedValue(doc as never);
    // jsdom has no layout: give the pane a 224px-wide scroller (200px
    // available after padding) for a 400pt-wide page.
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(224);
    const view = renderView();

    const box = await within(view).findByRole('button', {
      name: 'Text block on page 1: Hello from the first page',
    });
    // Fitted to 50%: left 0.1 of a 200px-wide page -> 20px.
    await waitFor(() => expect(box).toHaveStyle({ left: '20px' }));
    expect(within(view).getByLabelText('Zoom')).toHaveTextContent('50%');
  });

  it('stays at 100% when the page fits', async () => {
    const { doc } = fakePdf();
    vi.mocked(openPdf).mockResolvedValue(doc as never);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(900);
    const view = renderView();

    const box = await within(view).findByRole('button', {
      name: 'Text block on page 1: Hello from the first page',
    });
    await waitFor(() => expect(box).toHaveStyle({ left: '40px' }));
    expect(within(view).getByLabelText('Zoom')).toHaveTextContent('100%');
  });
});
