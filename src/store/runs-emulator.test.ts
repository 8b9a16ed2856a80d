import { configure, waitFor } from '@testing-library/react';
import { createNodeEmulator } from '@/emulator/node';
import { makeSamplePdf } from '../../test/fixtures/make-pdf';
import {
  getRun,
  getRuns,
  loadRunResult,
  runsActions,
  runsSetup,
} from './runs-store';
import { runsState } from './runs-state';
import { setupRunsHarness, TEST_BASE_URL } from './runs-test-harness';

configure({ asyncUtilTimeout: 15_000 });

const emulator = createNodeEmulator({
  origin: TEST_BASE_URL,
  apiKey: 'good-key',
  jobDurationMs: 50,
});

async function pdfDocument(name: string, pages: number) {
  const pdf = await makeSamplePdf({ pages });
  const file = new File([pdf.bytes], name, { type: 'application/pdf' });
  return { key: `sha-${name}`, name, size: file.size, pageCount: pages, file };
}

afterEach(() => {
  emulator.reset();
  runsSetup.unconfigure();
});

const done = (ids: string[]) =>
  ids.every((id) =>
    ['completed', 'failed', 'cancelled'].includes(getRun(id)?.status ?? ''),
  );

describe('the run queue against the emulator', { timeout: 30_000 }, () => {
  it('runs a PDF through two demo pipelines and stores both results', async () => {
    const h = setupRunsHarness({ fetch: emulator.fetch });
    const doc = await pdfDocument('report.pdf', 3);
    h.files.set(doc.key, doc.file);
    const ids = await runsActions.runRequested(
      [doc],
      [
        { id: 'demo-lines', label: 'lines' },
        { id: 'demo-layout', label: 'layout' },
      ],
    );
    await waitFor(() => expect(done(ids)).toBe(true));
    expect(ids.map((id) => getRun(id)?.status)).toEqual([
      'completed',
      'completed',
    ]);
    const [lines, layout] = await Promise.all(
      ids.map((id) => loadRunResult(id)),
    );
    expect(lines?.usage.num_pages).toBe(3);
    expect(JSON.stringify(lines)).not.toEqual(JSON.stringify(layout));
  });

  it('recovers from a 429 burst and explains a failed job', async () => {
    const h = setupRunsHarness({ fetch: emulator.fetch, concurrency: 3 });
    emulator.setFaults({
      rateLimitBurst: 3,
      failJobs: [{ pipelineId: 'demo-layout', reason: 'Layout model crashed' }],
    });
    const docs = await Promise.all([
      pdfDocument('a.pdf', 1),
      pdfDocument('b.pdf', 2),
    ]);
    for (const d of docs) h.files.set(d.key, d.file);
    const ids = await runsActions.runRequested(docs, [
      { id: 'demo-lines', label: 'lines' },
      { id: 'demo-layout', label: 'layout' },
    ]);
    await waitFor(() => expect(done(ids)).toBe(true));
    const byPipeline = (id: string) =>
      getRuns().filter((r) => r.pipelineId === id);
    expect(byPipeline('demo-lines').map((r) => r.status)).toEqual([
      'completed',
      'completed',
    ]);
    expect(byPipeline('demo-layout').map((r) => r.failure?.message)).toEqual([
      'Layout model crashed',
      'Layout model crashed',
    ]);
    expect(runsState.getState().queueState).toBe('idle');
  });
});
