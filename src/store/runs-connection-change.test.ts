import { configure, waitFor } from '@testing-library/react';
import { connectionActions } from './connection-store';
import { getRun, runsActions, runsSetup } from './runs-store';
import { runsState } from './runs-state';
import { setupRunsHarness, TEST_BASE_URL } from './runs-test-harness';

/**
 * What the queue does when the connection changes under it: a new base
 * URL, a fixed region, a cleared key, a key accepted again, cancel all
 * while paused on a 401.
 */

const pipelines = [
  { id: 'pipe-a', label: 'invoices v2' },
  { id: 'pipe-b', label: 'invoices v3' },
];
const EU_BASE_URL = 'https://eu.reducto.test';

const statusOf = (id: string) => getRun(id)?.status;
const queueState = () => runsState.getState().queueState;
const settle = () => new Promise((r) => setTimeout(r, 40));

configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  runsSetup.unconfigure();
});

describe('a base URL change', { timeout: 20_000 }, () => {
  it('never sends the new key to the old host, and says to run again', async () => {
    const h = setupRunsHarness({ validKeys: ['good-key', 'eu-key'] });
    h.api.state.hold = true;
    const [id = ''] = await runsActions.runRequested(
      [h.addDocument('a.pdf')],
      pipelines.slice(0, 1),
    );
    await waitFor(() => expect(statusOf(id)).toBe('running'));

    connectionActions.baseUrlChanged(EU_BASE_URL);
    connectionActions.keyEntered('eu-key');
    await settle();

    const oldOrigin = new URL(TEST_BASE_URL).origin;
    const leaked = h.api.state.requests.filter(
      (r) => r.origin === oldOrigin && r.auth === 'Bearer eu-key',
    );
    expect(leaked).toEqual([]);
    expect(getRun(id)).toMatchObject({
      status: 'failed',
      failure: { message: 'The API base URL changed; run again.' },
    });
  });

  it('runs queued cells that had not started against the new URL', async () => {
    const h = setupRunsHarness({ concurrency: 1 });
    h.api.state.hold = true;
    const ids = await runsActions.runRequested(
      [h.addDocument('a.pdf')],
      pipelines,
    );
    const [first = '', second = ''] = ids;
    await waitFor(() => expect(statusOf(first)).toBe('running'));
    connectionActions.baseUrlChanged(EU_BASE_URL);
    h.api.release();
    await waitFor(() => expect(statusOf(second)).toBe('completed'));
    expect(getRun(second)?.baseUrl).toBe(EU_BASE_URL);
    expect(statusOf(first)).toBe('failed');
  });
});

describe('a queue paused on a rejected key', { timeout: 20_000 }, () => {
  it('resumes when the region is fixed and the same key is accepted there', async () => {
    const h = setupRunsHarness({ apiKey: 'eu-key', validKeys: ['good-key'] });
    h.api.state.keysByOrigin.set(EU_BASE_URL, ['eu-key']);
    const ids = await runsActions.runRequested(
      [h.addDocument('a.pdf')],
      pipelines,
    );
    await waitFor(() => expect(queueState()).toBe('paused-auth'));

    connectionActions.baseUrlChanged(EU_BASE_URL);
    await waitFor(() =>
      expect(ids.map(statusOf)).toEqual(['completed', 'completed']),
    );
    expect(queueState()).toBe('idle');
    expect(ids.map((id) => getRun(id)?.baseUrl)).toEqual([
      EU_BASE_URL,
      EU_BASE_URL,
    ]);
  });

  it('resumes when the key check accepts the key again', async () => {
    const h = setupRunsHarness({ apiKey: 'late-key', validKeys: ['good-key'] });
    const ids = await runsActions.runRequested(
      [h.addDocument('a.pdf')],
      pipelines.slice(0, 1),
    );
    await waitFor(() => expect(queueState()).toBe('paused-auth'));
    // The account was fixed on the server; the key check now passes.
    h.api.state.keysByOrigin.set(TEST_BASE_URL, ['late-key']);
    connectionActions.keyAccepted('late-key');
    await waitFor(() => expect(ids.map(statusOf)).toEqual(['completed']));
    expect(queueState()).toBe('idle');
  });

  it('fails the paused real runs when the key is cleared, instead of running them in demo mode', async () => {
    const h = setupRunsHarness({ apiKey: 'bad-key', validKeys: ['good-key'] });
    const ids = await runsActions.runRequested(
      [h.addDocument('a.pdf')],
      pipelines,
    );
    await waitFor(() => expect(queueState()).toBe('paused-auth'));
    const requestsBefore = h.api.state.requests.length;

    connectionActions.keyCleared();
    await settle();
    for (const id of ids) {
      expect(getRun(id)).toMatchObject({
        status: 'failed',
        demo: false,
        baseUrl: TEST_BASE_URL,
        failure: { message: 'The API key was cleared; run again.' },
      });
    }
    expect(h.api.state.requests.length).toBe(requestsBefore);
    expect(queueState()).toBe('idle');
  });

  it('is no longer paused after cancel all', async () => {
    const h = setupRunsHarness({ apiKey: 'bad-key', validKeys: ['good-key'] });
    const ids = await runsActions.runRequested(
      [h.addDocument('a.pdf')],
      pipelines,
    );
    await waitFor(() => expect(queueState()).toBe('paused-auth'));
    await runsActions.allCancelled();
    expect(ids.map(statusOf)).toEqual(['cancelled', 'cancelled']);
    expect(queueState()).toBe('idle');
    expect(runsState.getState().queueMessage).toBeNull();
  });
});
