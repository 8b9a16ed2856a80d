import { configure, waitFor } from '@testing-library/react';
import { getRun, loadRunResult, runsActions, runsSetup } from './runs-store';
import { setupRunsHarness } from './runs-test-harness';

/**
 * A job that exists goes on on the server whatever the network does: a
 * brief drop while polling must not fail the cell, and Retry after a
 * longer one must poll the same job instead of paying for a second.
 */

const pipeline = { id: 'pipe-a', label: 'invoices v2' };
const statusOf = (id: string) => getRun(id)?.status;

configure({ asyncUtilTimeout: 5000 });

/** Backoffs shortened so the tests do not wait minutes. */
function withFastBackoff(onBackoff: () => void) {
  runsSetup.configure({
    sleep: (ms) => {
      onBackoff();
      return new Promise<void>((resolve) =>
        setTimeout(resolve, Math.min(ms, 5)),
      );
    },
  });
}

afterEach(() => {
  runsSetup.unconfigure();
});

async function startHeldRun(onBackoff: () => void = () => undefined) {
  const h = setupRunsHarness();
  withFastBackoff(onBackoff);
  h.api.state.hold = true;
  const [id = ''] = await runsActions.runRequested(
    [h.addDocument('a.pdf')],
    [pipeline],
  );
  await waitFor(() => expect(statusOf(id)).toBe('running'));
  const jobId = getRun(id)?.jobId;
  expect(jobId).toBeDefined();
  const jobPolls = () =>
    h.api.state.requests.filter((r) => r.path === `/job/${jobId}`).length;
  const jobStarts = () =>
    h.api.state.requests.filter((r) => r.path === '/pipeline_async').length;
  return { h, id, jobId, jobPolls, jobStarts };
}

describe('polling through a network drop', { timeout: 20_000 }, () => {
  it('keeps polling the same job and completes once the network is back', async () => {
    // The network comes back during the third backoff: deterministic,
    // whatever the machine's speed (the queue gives up after 8 in a row).
    let backoffs = 0;
    let online = () => undefined as void;
    const { h, id, jobId, jobPolls, jobStarts } = await startHeldRun(() => {
      backoffs += 1;
      if (backoffs === 3) online();
    });
    online = () => {
      h.api.state.offline = false;
    };
    h.api.state.offline = true;
    const before = jobPolls();
    await waitFor(() => expect(backoffs).toBeGreaterThanOrEqual(3));
    expect(jobPolls()).toBeGreaterThanOrEqual(before + 3);
    expect(statusOf(id)).toBe('running');

    h.api.release();
    await waitFor(() => expect(statusOf(id)).toBe('completed'));
    expect(getRun(id)?.jobId).toBe(jobId);
    expect(h.api.jobs.size).toBe(1);
    expect(jobStarts()).toBe(1);
  });

  it('fails after a long drop saying the job may still run, and Retry polls that job', async () => {
    const { h, id, jobId, jobStarts } = await startHeldRun();
    h.api.state.offline = true;
    await waitFor(() => expect(statusOf(id)).toBe('failed'));
    expect(getRun(id)?.failure?.kind).toBe('connection');
    expect(getRun(id)?.failure?.message).toMatch(
      /job may still be running on the server; Retry resumes polling it/,
    );

    h.api.state.offline = false;
    h.api.release();
    await runsActions.retryRequested(id);
    await waitFor(() => expect(statusOf(id)).toBe('completed'));
    expect(getRun(id)?.jobId).toBe(jobId);
    expect(getRun(id)?.failure).toBeUndefined();
    expect(h.api.jobs.size).toBe(1);
    expect(jobStarts()).toBe(1);
  });

  it('downloads the result again when the download fails after the job completed', async () => {
    const { h, id, jobStarts } = await startHeldRun();
    h.api.state.urlResults = true;
    h.api.state.failResultDownloads = 2;
    h.api.release();
    await waitFor(() => expect(statusOf(id)).toBe('completed'));
    expect(h.api.state.failResultDownloads).toBe(0);
    expect(jobStarts()).toBe(1);
    const result = await loadRunResult(id);
    expect(result?.result.parse).toMatchObject({
      result: { type: 'full', chunks: [{ content: 'pipe-a says hello' }] },
    });
  });
});
