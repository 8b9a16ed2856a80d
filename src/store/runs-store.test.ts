import { configure, waitFor } from '@testing-library/react';
import { openDB } from 'idb';
import { connectionActions } from './connection-store';
import {
  getRun,
  getRuns,
  hydrateRuns,
  loadRunResult,
  runsActions,
  runsSetup,
} from './runs-store';
import { runsState } from './runs-state';
import { setupRunsHarness } from './runs-test-harness';

const pipelines = [
  { id: 'pipe-a', label: 'invoices v2' },
  { id: 'pipe-b', label: 'invoices v3' },
];

const statusOf = (id: string) => getRun(id)?.status;
const allDone = (ids: string[]) =>
  ids.every((id) =>
    ['completed', 'failed', 'cancelled'].includes(statusOf(id) ?? ''),
  );

// The machine is shared: give the fake API's polling room.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  runsSetup.unconfigure();
});

describe('the run queue', { timeout: 20_000 }, () => {
  it('uploads each document once and reuses its file_id for every pipeline', async () => {
    const h = setupRunsHarness();
    const doc = h.addDocument('a.pdf');
    const ids = await runsActions.runRequested([doc], pipelines);
    await waitFor(() => expect(allDone(ids)).toBe(true));
    expect(ids.map(statusOf)).toEqual(['completed', 'completed']);
    expect(h.api.state.uploads).toBe(1);

    // A later run within 24 h reuses the remembered file_id.
    const again = await runsActions.runRequested([doc], pipelines.slice(0, 1));
    await waitFor(() => expect(allDone(again)).toBe(true));
    expect(h.api.state.uploads).toBe(1);
  });

  it('never runs more jobs at once than the concurrency setting', async () => {
    const h = setupRunsHarness({ concurrency: 2 });
    h.api.state.hold = true;
    const docs = ['a.pdf', 'b.pdf', 'c.pdf'].map((n) => h.addDocument(n));
    const ids = await runsActions.runRequested(docs, pipelines);
    await waitFor(() => expect(h.api.jobs.size).toBe(2));
    // Give the queue a chance to (wrongly) start more.
    await new Promise((r) => setTimeout(r, 50));
    expect(h.api.jobs.size).toBe(2);
    expect(ids.filter((id) => statusOf(id) === 'queued')).toHaveLength(4);
    h.api.release();
    await waitFor(() => expect(allDone(ids)).toBe(true), { timeout: 4000 });
    expect(h.api.state.maxPending).toBeLessThanOrEqual(2);
    expect(h.api.jobs.size).toBe(6);
  });

  it('records credits, pages and the full result of a completed run', async () => {
    const h = setupRunsHarness();
    const ids = await runsActions.runRequested(
      [h.addDocument('a.pdf')],
      pipelines.slice(0, 1),
    );
    const id = ids[0] ?? '';
    await waitFor(() => expect(statusOf(id)).toBe('completed'));
    expect(getRun(id)).toMatchObject({ credits: 3, numPages: 2, progress: 1 });
    const result = await loadRunResult(id);
    expect(result?.result.parse).toMatchObject({
      result: { chunks: [{ content: 'pipe-a says hello' }] },
    });
  });

  it('cancels a running cell and cancels its job on the server', async () => {
    const h = setupRunsHarness();
    h.api.state.hold = true;
    const [id = ''] = await runsActions.runRequested(
      [h.addDocument('a.pdf')],
      pipelines.slice(0, 1),
    );
    await waitFor(() => expect(statusOf(id)).toBe('running'));
    const jobId = getRun(id)?.jobId;
    await runsActions.cellCancelled(id);
    expect(statusOf(id)).toBe('cancelled');
    await waitFor(() => expect(h.api.state.cancelled).toEqual([jobId]));
  });

  it('cancels a row, a column and everything', async () => {
    const h = setupRunsHarness({ concurrency: 8 });
    h.api.state.hold = true;
    const a = h.addDocument('a.pdf');
    const b = h.addDocument('b.pdf');
    const ids = await runsActions.runRequested([a, b], pipelines);
    await waitFor(() =>
      expect(ids.every((id) => statusOf(id) === 'running')).toBe(true),
    );
    const cell = (doc: string, pipe: string) =>
      getRuns().find((r) => r.documentKey === doc && r.pipelineId === pipe)
        ?.status;

    await runsActions.rowCancelled(a.key);
    expect([cell(a.key, 'pipe-a'), cell(a.key, 'pipe-b')]).toEqual([
      'cancelled',
      'cancelled',
    ]);
    expect(cell(b.key, 'pipe-a')).toBe('running');

    await runsActions.columnCancelled('pipe-b');
    expect(cell(b.key, 'pipe-b')).toBe('cancelled');
    expect(cell(b.key, 'pipe-a')).toBe('running');

    await runsActions.allCancelled();
    expect(cell(b.key, 'pipe-a')).toBe('cancelled');
    await waitFor(() => expect(h.api.state.cancelled).toHaveLength(4));
    expect(runsState.getState().queueState).toBe('idle');
  });

  it('retries a failed cell under the same record', async () => {
    const h = setupRunsHarness();
    h.api.state.failingPipelines.set('pipe-a', 'Pipeline config is invalid');
    const [id = ''] = await runsActions.runRequested(
      [h.addDocument('a.pdf')],
      pipelines.slice(0, 1),
    );
    await waitFor(() => expect(statusOf(id)).toBe('failed'));
    expect(getRun(id)?.failure).toEqual({
      kind: 'job-failed',
      message: 'Pipeline config is invalid',
    });

    h.api.state.failingPipelines.clear();
    await runsActions.retryRequested(id);
    await waitFor(() => expect(statusOf(id)).toBe('completed'));
    expect(getRun(id)?.failure).toBeUndefined();
    expect(getRuns()).toHaveLength(1);
  });

  it('runs a cell again as a new run and keeps the old one', async () => {
    const h = setupRunsHarness();
    const doc = h.addDocument('a.pdf');
    const [first = ''] = await runsActions.runRequested(
      [doc],
      pipelines.slice(0, 1),
    );
    await waitFor(() => expect(statusOf(first)).toBe('completed'));
    const [second = ''] = await runsActions.rerunRequested(doc.key, 'pipe-a');
    expect(second).not.toBe(first);
    await waitFor(() => expect(statusOf(second)).toBe('completed'));
    expect(getRuns().map((r) => r.id)).toEqual([second, first]);
  });

  it('pauses once on a rejected key, fails nothing, and resumes with a new key', async () => {
    const h = setupRunsHarness({ apiKey: 'bad-key', validKeys: ['good-key'] });
    const docs = [h.addDocument('a.pdf'), h.addDocument('b.pdf')];
    const ids = await runsActions.runRequested(docs, pipelines);
    await waitFor(() =>
      expect(runsState.getState().queueState).toBe('paused-auth'),
    );
    expect(runsState.getState().queueMessage).toBe(
      'The API key was rejected. Enter a valid key to continue.',
    );
    await new Promise((r) => setTimeout(r, 30));
    expect(h.keyRejected.calls).toBe(1);
    expect(ids.map(statusOf)).toEqual(['queued', 'queued', 'queued', 'queued']);

    connectionActions.keyEntered('good-key');
    await waitFor(() => expect(allDone(ids)).toBe(true));
    expect(ids.map(statusOf)).toEqual([
      'completed',
      'completed',
      'completed',
      'completed',
    ]);
    expect(runsState.getState().queueState).toBe('idle');
  });

  it('asks for a password once per document, uses it, and keeps it nowhere', async () => {
    const h = setupRunsHarness();
    h.api.state.passwords.set('secret.pdf', 'open sesame');
    const doc = h.addDocument('secret.pdf');
    const ids = await runsActions.runRequested([doc], pipelines);
    await waitFor(() =>
      expect(runsState.getState().passwordPrompts).toEqual([
        { documentKey: doc.key, documentName: 'secret.pdf', retry: false },
      ]),
    );
    await runsActions.passwordProvided(doc.key, 'wrong');
    await waitFor(() =>
      expect(runsState.getState().passwordPrompts[0]?.retry).toBe(true),
    );
    await runsActions.passwordProvided(doc.key, 'open sesame');
    await waitFor(() => expect(allDone(ids)).toBe(true));
    expect(ids.map(statusOf)).toEqual(['completed', 'completed']);
    expect(JSON.stringify(runsState.getState())).not.toContain('open sesame');
  });

  it('fails the cells of a document whose password is skipped', async () => {
    const h = setupRunsHarness();
    h.api.state.passwords.set('secret.pdf', 'pw');
    const doc = h.addDocument('secret.pdf');
    const [id = ''] = await runsActions.runRequested(
      [doc],
      pipelines.slice(0, 1),
    );
    await waitFor(() =>
      expect(runsState.getState().passwordPrompts).toHaveLength(1),
    );
    await runsActions.passwordSkipped(doc.key);
    expect(getRun(id)?.failure?.message).toMatch(/password-protected/);
  });

  it('slows down on a 429 burst instead of failing cells, then recovers', async () => {
    const h = setupRunsHarness({ concurrency: 4 });
    h.api.state.rateLimitNext = 3;
    h.api.state.retryAfterMs = 150;
    const docs = [h.addDocument('a.pdf'), h.addDocument('b.pdf')];
    const ids = await runsActions.runRequested(docs, pipelines);
    await waitFor(() => expect(runsState.getState().queueState).toBe('slowed'));
    expect(runsState.getState().queueMessage).toMatch(/rate limiting/);
    await waitFor(() => expect(allDone(ids)).toBe(true), { timeout: 4000 });
    expect(ids.map(statusOf)).toEqual([
      'completed',
      'completed',
      'completed',
      'completed',
    ]);
    expect(h.api.state.rateLimited).toBe(3);
    expect(runsState.getState().queueState).toBe('idle');
    expect(runsState.getState().queueMessage).toBeNull();
  });

  it('explains a network or CORS failure in the failed cell', async () => {
    const h = setupRunsHarness();
    h.api.state.offline = true;
    const [id = ''] = await runsActions.runRequested(
      [h.addDocument('a.pdf')],
      pipelines.slice(0, 1),
    );
    await waitFor(() => expect(statusOf(id)).toBe('failed'));
    const failure = getRun(id)?.failure;
    expect(failure?.kind).toBe('connection');
    expect(failure?.message).toMatch(/CORS/);
    expect(failure?.message).not.toMatch(/^Failed to fetch$/);
  });
});

describe('run history in IndexedDB', { timeout: 20_000 }, () => {
  it('keeps records and results across a reload', async () => {
    const h = setupRunsHarness();
    const ids = await runsActions.runRequested(
      [h.addDocument('a.pdf')],
      pipelines,
    );
    await waitFor(() => expect(allDone(ids)).toBe(true));
    await h.reload();
    expect(getRuns().map((r) => r.status)).toEqual(['completed', 'completed']);
    const result = await loadRunResult(ids[1] ?? '');
    expect(result?.result.parse).toMatchObject({
      result: { chunks: [{ content: 'pipe-b says hello' }] },
    });
  });

  it('polls a job again after a reload', async () => {
    const h = setupRunsHarness();
    h.api.state.hold = true;
    const [id = ''] = await runsActions.runRequested(
      [h.addDocument('a.pdf')],
      pipelines.slice(0, 1),
    );
    await waitFor(() => expect(statusOf(id)).toBe('running'));
    // Let the "running" status reach IndexedDB before the page goes.
    await new Promise((r) => setTimeout(r, 30));
    await h.reload();
    expect(statusOf(id)).toBe('running');
    h.api.release();
    await waitFor(() => expect(statusOf(id)).toBe('completed'));
    expect(await loadRunResult(id)).toBeDefined();
  });

  it('settles runs a reload interrupted', async () => {
    const h = setupRunsHarness();
    h.api.state.hold = true;
    connectionActions.keyCleared(); // demo mode
    const [demoRun = ''] = await runsActions.runRequested(
      [h.addDocument('a.pdf')],
      pipelines.slice(0, 1),
    );
    await waitFor(() => expect(statusOf(demoRun)).toBe('running'));
    connectionActions.keyEntered('good-key');
    connectionActions.concurrencyChanged(1);
    const [queued = ''] = await runsActions.runRequested(
      [h.addDocument('b.pdf')],
      pipelines.slice(0, 1),
    );
    await new Promise((r) => setTimeout(r, 30));
    await h.reload();
    expect(getRun(demoRun)).toMatchObject({
      status: 'failed',
      failure: { message: 'The demo emulator restarted; run again.' },
    });
    expect(getRun(queued)).toMatchObject({
      status: 'cancelled',
      failure: { message: 'Interrupted by a reload' },
    });
  });

  it('sets a corrupt record aside with a message and loads the rest', async () => {
    const h = setupRunsHarness();
    const ids = await runsActions.runRequested(
      [h.addDocument('a.pdf')],
      pipelines.slice(0, 1),
    );
    await waitFor(() => expect(allDone(ids)).toBe(true));
    const db = await openDB(h.dbName);
    await db.put('runs', { id: 'broken', status: 'sideways' });
    db.close();
    await h.reload();
    expect(getRuns().map((r) => r.id)).toEqual(ids);
    expect(runsState.getState().storageNotice).toBe(
      '1 saved run could not be read and was set aside.',
    );
  });

  it('keeps working in memory with a warning when IndexedDB is unavailable', async () => {
    const h = setupRunsHarness({
      openDb: () => Promise.reject(new Error('IndexedDB is not available.')),
    });
    await hydrateRuns();
    const ids = await runsActions.runRequested(
      [h.addDocument('a.pdf')],
      pipelines.slice(0, 1),
    );
    await waitFor(() => expect(allDone(ids)).toBe(true));
    expect(statusOf(ids[0] ?? '')).toBe('completed');
    expect(await loadRunResult(ids[0] ?? '')).toBeDefined();
    expect(runsState.getState().storageWarning).toMatch(
      /IndexedDB\) is unavailable/,
    );
  });

  it('deletes a run and its result', async () => {
    const h = setupRunsHarness();
    const [id = ''] = await runsActions.runRequested(
      [h.addDocument('a.pdf')],
      pipelines.slice(0, 1),
    );
    await waitFor(() => expect(statusOf(id)).toBe('completed'));
    await runsActions.runDeleted(id);
    expect(getRun(id)).toBeUndefined();
    await h.reload();
    expect(getRuns()).toEqual([]);
    expect(await loadRunResult(id)).toBeUndefined();
  });

  it('never writes the API key or a document password to any store', async () => {
    const h = setupRunsHarness({
      apiKey: 'sk-live-very-secret',
      validKeys: ['sk-live-very-secret'],
    });
    h.api.state.passwords.set('secret.pdf', 'pw-very-secret');
    const doc = h.addDocument('secret.pdf');
    const ids = await runsActions.runRequested(
      [doc, h.addDocument('b.pdf')],
      pipelines,
    );
    await waitFor(() =>
      expect(runsState.getState().passwordPrompts).toHaveLength(1),
    );
    await runsActions.passwordProvided(doc.key, 'pw-very-secret');
    await waitFor(() => expect(allDone(ids)).toBe(true));
    await new Promise((r) => setTimeout(r, 30));

    const db = await openDB(h.dbName);
    const dump: unknown[] = [];
    for (const store of db.objectStoreNames) dump.push(await db.getAll(store));
    db.close();
    const text = JSON.stringify(dump) + JSON.stringify({ ...localStorage });
    expect(text).toContain('secret.pdf'); // the dump is not empty
    expect(text).not.toContain('sk-live-very-secret');
    expect(text).not.toContain('pw-very-secret');
    expect(JSON.stringify({ ...sessionStorage })).not.toContain(
      'pw-very-secret',
    );
  });
});
