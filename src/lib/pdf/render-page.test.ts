import { describe, expect, it, vi } from 'vitest';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { cancelCanvasRender, renderPageToCanvas } from './render-page';

/** A stand-in for pdf.js: each render finishes when the test says so. */
function fakeDocument() {
  const renders: {
    page: number;
    finish: () => void;
    cancel: ReturnType<typeof vi.fn>;
  }[] = [];
  const doc = {
    getPage: (page: number) =>
      Promise.resolve({
        getViewport: ({ scale }: { scale: number }) => ({
          width: 600 * scale,
          height: 800 * scale,
        }),
        render: () => {
          let finish = () => {};
          let fail: (e: Error) => void = () => {};
          const promise = new Promise<void>((resolve, reject) => {
            finish = resolve;
            fail = reject;
          });
          const cancel = vi.fn(() => {
            const error = new Error('cancelled');
            error.name = 'RenderingCancelledException';
            fail(error);
          });
          renders.push({ page, finish, cancel });
          return { promise, cancel };
        },
      }),
  };
  return { doc: doc as unknown as PDFDocumentProxy, renders };
}

const canvas = () => ({ width: 0, height: 0 }) as HTMLCanvasElement;

describe('renderPageToCanvas', () => {
  it('sizes the backing store to the page at scale and pixel ratio', async () => {
    const { doc, renders } = fakeDocument();
    const target = canvas();
    const done = renderPageToCanvas(doc, 1, target, {
      scale: 1.5,
      pixelRatio: 2,
    });
    await vi.waitFor(() => expect(renders).toHaveLength(1));
    renders[0]?.finish();
    await expect(done).resolves.toBe(true);
    expect(target.width).toBe(1800);
    expect(target.height).toBe(2400);
  });

  it('cancels a render still running when a newer one starts', async () => {
    const { doc, renders } = fakeDocument();
    const target = canvas();
    const first = renderPageToCanvas(doc, 1, target, {
      scale: 1,
      pixelRatio: 1,
    });
    await vi.waitFor(() => expect(renders).toHaveLength(1));
    const second = renderPageToCanvas(doc, 2, target, {
      scale: 1,
      pixelRatio: 1,
    });
    await expect(first).resolves.toBe(false);
    expect(renders[0]?.cancel).toHaveBeenCalled();
    await vi.waitFor(() => expect(renders).toHaveLength(2));
    renders[1]?.finish();
    await expect(second).resolves.toBe(true);
  });

  it('never draws an older request that was overtaken before it started', async () => {
    const { doc, renders } = fakeDocument();
    const target = canvas();
    const first = renderPageToCanvas(doc, 1, target, {
      scale: 1,
      pixelRatio: 1,
    });
    const second = renderPageToCanvas(doc, 2, target, {
      scale: 1,
      pixelRatio: 1,
    });
    await expect(first).resolves.toBe(false);
    await vi.waitFor(() => expect(renders).toHaveLength(1));
    expect(renders[0]?.page).toBe(2);
    renders[0]?.finish();
    await expect(second).resolves.toBe(true);
  });

  it('stops drawing when the canvas goes away', async () => {
    const { doc, renders } = fakeDocument();
    const target = canvas();
    const pending = renderPageToCanvas(doc, 1, target, {
      scale: 1,
      pixelRatio: 1,
    });
    cancelCanvasRender(target);
    await expect(pending).resolves.toBe(false);
    expect(renders).toHaveLength(0);
  });
});
