import { compareResults } from '@/results/compare';
import {
  alignSelection,
  baselineSelection,
  createSelectionAlignment,
} from './selection-alignment';
import type { BlockSpec } from './testing/fixtures';
import { buildResult } from './testing/fixtures';

const block = (text: string, top: number): BlockSpec => ({
  text,
  box: { left: 0.1, top, width: 0.8, height: 0.05 },
});
const alpha = block('Alpha opens the letter with a greeting', 0.1);
const beta = block('Beta states the amount that is due', 0.3);
const gamma = block('Gamma closes with the payment terms', 0.5);
const delta = block('Delta is a postscript nobody expected', 0.7);

// v2 lost alpha and gained delta; v3 lost gamma. Block ids follow each
// result's own order, so beta is d0-c0-b1 in the baseline, d0-c0-b0 in v2.
const base = buildResult({ blocks: [alpha, beta, gamma] });
const v2 = buildResult({ blocks: [beta, gamma, delta] });
const v3 = buildResult({ blocks: [alpha, beta] });
const idOf = (result: typeof base, text: string) =>
  result.blocks.find((b) => b.text === text)?.id ?? '';

const alignment = createSelectionAlignment('base', {
  base: null,
  v2: compareResults(base, v2),
  v3: compareResults(base, v3),
  v4: 'pending',
});

describe('alignSelection', () => {
  it('maps a block selected in one candidate to the baseline and to every other candidate', () => {
    const selection = { runId: 'v2', blockId: idOf(v2, beta.text) };
    expect(alignSelection(selection, 'v2', alignment)).toEqual({
      own: idOf(v2, beta.text),
      baselineId: idOf(base, beta.text),
    });
    expect(alignSelection(selection, 'base', alignment).own).toBe(
      idOf(base, beta.text),
    );
    expect(alignSelection(selection, 'v3', alignment).own).toBe(
      idOf(v3, beta.text),
    );
  });

  it('highlights nothing elsewhere for a block only its own pane has', () => {
    const selection = { runId: 'v2', blockId: idOf(v2, delta.text) };
    expect(alignSelection(selection, 'v2', alignment)).toEqual({
      own: idOf(v2, delta.text),
      baselineId: null,
    });
    for (const pane of ['base', 'v3']) {
      expect(alignSelection(selection, pane, alignment)).toEqual({
        own: null,
        baselineId: null,
      });
    }
  });

  it('gives a candidate that removed the baseline block its baseline id only', () => {
    const selection = baselineSelection(alignment, idOf(base, alpha.text));
    expect(selection).toEqual({
      runId: 'base',
      blockId: idOf(base, alpha.text),
    });
    expect(alignSelection(selection, 'v2', alignment)).toEqual({
      own: null,
      baselineId: idOf(base, alpha.text),
    });
    expect(alignSelection(selection, 'v3', alignment).own).toBe(
      idOf(v3, alpha.text),
    );
  });

  it('links nothing through a pane whose comparison is still running', () => {
    const selection = { runId: 'v4', blockId: 'd0-c0-b0' };
    expect(alignSelection(selection, 'base', alignment).own).toBeNull();
    expect(alignSelection(selection, 'v4', alignment).own).toBe('d0-c0-b0');
    expect(alignSelection(null, 'base', alignment).own).toBeNull();
  });
});
