import { compareResults } from '@/results/compare';
import { buildContentItems } from './content-model';
import { buildResult } from './testing/fixtures';

const box = (top: number) => ({ left: 0.1, top, width: 0.8, height: 0.04 });

describe('buildContentItems', () => {
  const baseline = buildResult({
    blocks: [
      { text: 'Alpha paragraph stays the same', box: box(0.1) },
      { text: 'Beta paragraph will change slightly', box: box(0.3) },
      { text: 'Gamma paragraph disappears entirely now', box: box(0.5) },
    ],
    chunks: [[0], [1], [2]],
  });
  const candidate = buildResult({
    blocks: [
      { text: 'Alpha paragraph stays the same', box: box(0.1) },
      { text: 'Beta paragraph will change a lot', box: box(0.3) },
      { text: 'Delta is a wholly new sentence here', box: box(0.7) },
    ],
    chunks: [[0], [1], [2]],
  });

  it('marks chunks unchanged, changed, added, and slots removed ones in', () => {
    const items = buildContentItems(
      candidate,
      compareResults(baseline, candidate),
      baseline,
    );
    expect(items.map((i) => [i.status, i.content])).toEqual([
      ['unchanged', 'Alpha paragraph stays the same'],
      ['changed', 'Beta paragraph will change a lot'],
      ['removed', 'Gamma paragraph disappears entirely now'],
      ['added', 'Delta is a wholly new sentence here'],
    ]);
  });

  it('marks nothing without a comparison (the baseline pane)', () => {
    const items = buildContentItems(baseline, null, null);
    expect(items.every((i) => i.status === 'unchanged')).toBe(true);
    expect(items).toHaveLength(3);
  });
});
