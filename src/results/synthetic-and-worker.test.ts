import { describe, expect, it, vi } from 'vitest';
import {
  EDITED_WORD,
  expectedSyntheticCounts,
  makeSyntheticPipelineResponse,
  syntheticEdits,
} from '../../test/fixtures/synthetic-result';
import { compareResults } from './compare';
import { diffInWorker, type DiffWorker } from './diff-client';
import {
  comparisonFromReply,
  handleDiffRequest,
  makeDiffRequest,
  type DiffReply,
  type DiffRequest,
} from './diff-protocol';
import { normalizeResponse } from './normalize';

const size = { pages: 60, blocksPerPage: 20, seed: 3 };
const a = normalizeResponse(
  makeSyntheticPipelineResponse({ ...size, variant: 'a' }),
);
const b = normalizeResponse(
  makeSyntheticPipelineResponse({ ...size, variant: 'b' }),
);

describe('synthetic pair', () => {
  it('is deterministic', () => {
    expect(makeSyntheticPipelineResponse({ ...size, variant: 'b' })).toEqual(
      makeSyntheticPipelineResponse({ ...size, variant: 'b' }),
    );
  });

  it('compares with exactly the designed counts', () => {
    const c = compareResults(a, b);
    expect(c.counts).toMatchObject(expectedSyntheticCounts(size));
  });

  it('finds each designed edit on its page', () => {
    const c = compareResults(a, b);
    const onPage = (page: number, status: string) =>
      c.blockDiffs.filter((d) => d.page === page && d.status === status);
    for (const edit of syntheticEdits(size)) {
      if (edit.kind === 'changed' || edit.kind === 'retyped+changed') {
        const [diff] = onPage(edit.page, 'changed');
        expect(diff?.segments).toContainEqual({
          op: 'insert',
          text: EDITED_WORD,
        });
        if (edit.kind === 'retyped+changed')
          expect(diff?.changes).toContain('retyped');
      } else if (edit.kind === 'moved-to-next-page') {
        expect(onPage(edit.page + 1, 'moved')[0]?.baselinePage).toBe(edit.page);
      } else {
        expect(onPage(edit.page, edit.kind)).toHaveLength(1);
      }
    }
    expect(c.pagesWithDifferences.length).toBeGreaterThan(0);
  });
});

/** A Worker stand-in: clones both ways like postMessage, answers asynchronously. */
function fakeWorker(options: { fail?: boolean } = {}) {
  const listeners: {
    message: ((e: MessageEvent<DiffReply>) => void)[];
    error: ((e: Event) => void)[];
  } = {
    message: [],
    error: [],
  };
  const worker: DiffWorker & { posted: number; terminated: boolean } = {
    posted: 0,
    terminated: false,
    postMessage(message: unknown) {
      worker.posted++;
      const request = structuredClone(message) as DiffRequest;
      setTimeout(() => {
        if (worker.terminated) return;
        if (options.fail) {
          for (const l of listeners.error) l(new Event('error'));
          return;
        }
        const reply = structuredClone(handleDiffRequest(request));
        for (const l of listeners.message)
          l(new MessageEvent('message', { data: reply }));
      }, 0);
    },
    addEventListener(type: 'message' | 'error', listener: (e: never) => void) {
      (listeners[type] as ((e: never) => void)[]).push(listener);
    },
    terminate() {
      worker.terminated = true;
    },
  };
  return worker;
}

describe('diffing in a worker', () => {
  const direct = compareResults(a, b);

  it('the worker protocol (packed, cloned both ways) gives the direct result', () => {
    const reply = structuredClone(
      handleDiffRequest(structuredClone(makeDiffRequest(a, b))),
    );
    expect(reply.ok).toBe(true);
    if (reply.ok) expect(comparisonFromReply(reply.core)).toEqual(direct);
  });

  it('diffInWorker through a worker equals the main-thread result', async () => {
    const worker = fakeWorker();
    const result = await diffInWorker(a, b, {
      thresholdBlocks: 0,
      createWorker: () => worker,
    });
    expect(worker.posted).toBe(1);
    expect(worker.terminated).toBe(true);
    expect(result).toEqual(direct);
  });

  it('falls back to the main thread without Worker, for small inputs, and when the worker fails', async () => {
    expect(await diffInWorker(a, b)).toEqual(direct); // Node: no Worker global
    const create = vi.fn(() => fakeWorker());
    expect(
      await diffInWorker(a, b, { createWorker: create, thresholdBlocks: 1e9 }),
    ).toEqual(direct);
    expect(create).not.toHaveBeenCalled();
    const failing = fakeWorker({ fail: true });
    expect(
      await diffInWorker(a, b, {
        thresholdBlocks: 0,
        createWorker: () => failing,
      }),
    ).toEqual(direct);
  });

  it('can be cancelled', async () => {
    const controller = new AbortController();
    const worker = fakeWorker();
    const pending = diffInWorker(a, b, {
      thresholdBlocks: 0,
      createWorker: () => worker,
      signal: controller.signal,
    });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(worker.terminated).toBe(true);
  });
});
