/**
 * The model and the diff on real emulator output: a generated 3-page PDF run
 * through the demo pipelines (line blocks vs layout blocks, plus extract and
 * split), compared across pipelines and across identical runs.
 */
import { createNodeEmulator } from '@/emulator/node';
import { makeSamplePdf } from '../../test/fixtures/make-pdf';
import { compareResults } from './compare';
import type { NormalizedResult } from './model';
import { normalizeResponse } from './normalize';

const auth = { Authorization: 'Bearer demo-key' };
const runs = new Map<string, NormalizedResult>();

beforeAll(async () => {
  const sample = await makeSamplePdf({ pages: 3 });
  const emulator = createNodeEmulator();
  const form = new FormData();
  form.append('file', new Blob([sample.bytes]), 'report.pdf');
  const upload = (await (
    await emulator.fetch('/upload', {
      method: 'POST',
      headers: auth,
      body: form,
    })
  ).json()) as { file_id: string };
  const run = async (pipelineId: string) => {
    const response = await emulator.fetch('/pipeline', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ input: upload.file_id, pipeline_id: pipelineId }),
    });
    expect(response.status).toBe(200);
    return normalizeResponse(await response.json());
  };
  for (const id of [
    'demo-lines',
    'demo-layout',
    'demo-extract',
    'demo-split',
  ]) {
    runs.set(id, await run(id));
  }
  runs.set('demo-layout again', await run('demo-layout'));
}, 60_000);

function run(id: string): NormalizedResult {
  const result = runs.get(id);
  if (!result) throw new Error(`no run ${id}`);
  return result;
}

describe('results model on emulator output', () => {
  it('normalises every demo pipeline without warnings, with blocks on every page', () => {
    for (const id of [
      'demo-lines',
      'demo-layout',
      'demo-extract',
      'demo-split',
    ]) {
      const result = run(id);
      expect(result.kind).toBe('pipeline');
      expect(result.warnings).toEqual([]);
      expect(result.pages.map((p) => p.page)).toEqual([1, 2, 3]);
      expect(result.blocks.every((b) => b.box !== null)).toBe(true);
    }
    expect(run('demo-extract').extract?.length).toBeGreaterThan(0);
    expect(run('demo-split').split?.length).toBeGreaterThan(0);
  });

  it('finds nothing between two identical runs', () => {
    const c = compareResults(run('demo-layout'), run('demo-layout again'));
    expect(c.counts.differences).toBe(0);
    expect(c.counts.unchanged).toBe(run('demo-layout').blocks.length);
    expect(c.pagesWithDifferences).toEqual([]);
  });

  it('finds the differences between line blocks and layout blocks', () => {
    const lines = run('demo-lines');
    const layout = run('demo-layout');
    const c = compareResults(lines, layout);
    // Paragraphs replace their lines, headings get their types.
    expect(c.counts.added).toBeGreaterThan(0);
    expect(c.counts.removed).toBeGreaterThan(0);
    expect(c.counts.retyped).toBeGreaterThan(0);
    expect(c.pagesWithDifferences).toEqual([1, 2, 3]);
    expect(c.metricDeltas.blockCount).toBe(
      layout.blocks.length - lines.blocks.length,
    );
    expect(c.metricDeltas.blockCount).toBeLessThan(0);
    // Every block of both sides is accounted for exactly once.
    const matched = c.blockDiffs.filter(
      (d) => d.candidateId && d.baselineId,
    ).length;
    expect(matched + c.counts.added).toBe(layout.blocks.length);
    expect(matched + c.counts.removed).toBe(lines.blocks.length);
  });

  it('reports extract fields and splits that only one side has', () => {
    const layout = run('demo-layout');
    const withExtract = compareResults(layout, run('demo-extract'));
    expect(withExtract.counts.fieldsAdded).toBe(
      run('demo-extract').extract?.length,
    );
    const withSplit = compareResults(run('demo-split'), layout);
    expect(withSplit.counts.splitsRemoved).toBe(
      run('demo-split').split?.length,
    );
  });
});
