import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PAGE_SIZE,
  boxToPixels,
  clampBox,
  fitWidthZoom,
  pageSizeAtZoom,
} from './geometry';

describe('boxToPixels', () => {
  const box = { left: 0.1, top: 0.25, width: 0.5, height: 0.1 };

  it.each([
    { zoom: 0.5, page: DEFAULT_PAGE_SIZE },
    { zoom: 1, page: DEFAULT_PAGE_SIZE },
    { zoom: 2.5, page: DEFAULT_PAGE_SIZE },
    { zoom: 1, page: { width: 595, height: 842 } }, // A4
    { zoom: 1.5, page: { width: 842, height: 595 } }, // A4 landscape
  ])(
    'scales a box with the page at zoom $zoom on $page.width x $page.height',
    ({ zoom, page }) => {
      const size = pageSizeAtZoom(page, zoom);
      const px = boxToPixels(box, size.width, size.height);
      expect(px.left).toBeCloseTo(0.1 * page.width * zoom);
      expect(px.top).toBeCloseTo(0.25 * page.height * zoom);
      expect(px.width).toBeCloseTo(0.5 * page.width * zoom);
      expect(px.height).toBeCloseTo(0.1 * page.height * zoom);
    },
  );

  it('keeps a box at the same place relative to the page when zooming', () => {
    const at1 = boxToPixels(box, 612, 792);
    const at2 = boxToPixels(box, 1224, 1584);
    expect(at2.left / 1224).toBeCloseTo(at1.left / 612);
    expect(at2.top / 1584).toBeCloseTo(at1.top / 792);
  });

  it('maps the whole page box to the whole page', () => {
    expect(
      boxToPixels({ left: 0, top: 0, width: 1, height: 1 }, 300, 400),
    ).toEqual({ left: 0, top: 0, width: 300, height: 400 });
  });

  it('clamps a box that pokes outside the page', () => {
    const px = boxToPixels(
      { left: -0.1, top: 0.9, width: 0.5, height: 0.3 },
      100,
      200,
    );
    expect(px.left).toBe(0);
    expect(px.width).toBeCloseTo(40); // from 0 to 0.4
    expect(px.top).toBeCloseTo(180);
    expect(px.height).toBeCloseTo(20); // cut at the bottom edge
  });

  it('gives an empty box for one entirely off the page or not a number', () => {
    expect(
      boxToPixels({ left: 1.2, top: 0.1, width: 0.3, height: 0.1 }, 100, 100)
        .width,
    ).toBe(0);
    const nan = boxToPixels(
      { left: Number.NaN, top: 0.5, width: Number.NaN, height: -1 },
      100,
      100,
    );
    expect(nan).toEqual({ left: 0, top: 50, width: 0, height: 0 });
  });
});

describe('clampBox', () => {
  it('leaves a box inside the page unchanged', () => {
    const box = { left: 0.2, top: 0.3, width: 0.4, height: 0.1 };
    expect(clampBox(box)).toEqual(box);
  });
});

describe('fitWidthZoom', () => {
  it('fills the available width', () => {
    expect(fitWidthZoom({ width: 600, height: 800 }, 900)).toBeCloseTo(1.5);
  });

  it('stays within the allowed range', () => {
    expect(fitWidthZoom({ width: 600, height: 800 }, 60)).toBe(0.25);
    expect(fitWidthZoom({ width: 600, height: 800 }, 6000)).toBe(4);
  });

  it('falls back to 100% before layout', () => {
    expect(fitWidthZoom({ width: 600, height: 800 }, 0)).toBe(1);
  });
});
