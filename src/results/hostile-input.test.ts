import {
  HOSTILE_SNIPPETS,
  deeplyNested,
  hostileResponse,
  hugeText,
} from '../../test/fixtures/hostile-result';
import { compareResults } from './compare';
import { diffInWorker } from './diff-client';
import type { DiffWorker } from './diff-client';
import { normalizeResponse } from './normalize';

/**
 * Hostile input reaching the results model: markup (kept verbatim: the
 * views make it inert), nesting thousands of levels deep, and texts of a
 * million characters. The model must neither throw, nor lose the rest of
 * the result, nor hang.
 */

const oneBlock = (text: string) =>
  normalizeResponse(hostileResponse({ chunks: [{ blocks: [text] }] }));

describe('markup in document text', () => {
  it('is kept verbatim in blocks, chunks, fields and split names (the views escape it)', () => {
    const result = normalizeResponse(
      hostileResponse({
        chunks: [{ blocks: [HOSTILE_SNIPPETS.script] }],
        extract: { [HOSTILE_SNIPPETS.base]: HOSTILE_SNIPPETS.imgOnerror },
        splitNames: [HOSTILE_SNIPPETS.iframe],
      }),
    );
    expect(result.kind).toBe('pipeline');
    expect(result.blocks[0]?.text).toBe(HOSTILE_SNIPPETS.script);
    expect(result.chunks[0]?.content).toBe(HOSTILE_SNIPPETS.script);
    expect(result.extract?.[0]?.value).toBe(HOSTILE_SNIPPETS.imgOnerror);
    expect(result.extract?.[0]?.path).toContain('<base href=');
    expect(result.split?.[0]?.name).toBe(HOSTILE_SNIPPETS.iframe);
  });
});

describe('deeply nested JSON', () => {
  const DEPTH = 10_000;

  it.each(['object', 'array'] as const)(
    'an extract nested %s 10,000 levels deep keeps the parse result and says why a field is missing',
    (kind) => {
      const response = hostileResponse({
        chunks: [{ blocks: ['Invoice 42', 'Total due'] }],
        extract: { total: 100, deep: deeplyNested(DEPTH, kind) },
      });
      const result = normalizeResponse(response);
      // Before the depth guard, the stack overflowed and the whole result
      // became 'unknown': no blocks, no content, only the JSON.
      expect(result.kind).toBe('pipeline');
      expect(result.blocks.map((b) => b.text)).toEqual([
        'Invoice 42',
        'Total due',
      ]);
      expect(result.extract).toContainEqual(
        expect.objectContaining({ path: 'total', value: 100 }),
      );
      expect(result.warnings.join(' ')).toMatch(/nested too deeply/i);
    },
  );

  it('a bare extract response nested 100,000 levels deep is read without a stack overflow', () => {
    const result = normalizeResponse({
      result: [deeplyNested(100_000)],
      citations: null,
      usage: { num_pages: 1, num_fields: 1 },
    });
    expect(result.kind).toBe('extract');
    expect(result.warnings.join(' ')).toMatch(/nested too deeply/i);
  });

  it('deep nesting in fields the app does not read leaves the result intact', () => {
    const result = normalizeResponse(
      hostileResponse({
        chunks: [{ blocks: ['Hello'] }],
        extraResult: { custom: deeplyNested(DEPTH) },
      }),
    );
    expect(result.kind).toBe('pipeline');
    expect(result.blocks).toHaveLength(1);
    expect(result.warnings).toEqual([]);
  });
});

describe('texts of a million characters', () => {
  const MILLION = 1_000_000;

  // The jsdiff edit cap bounds this; without it the word diff of two
  // unrelated million-character texts runs for minutes. The timeout below is
  // that bound, generous for a shared machine.
  it('two unrelated 1,000,000-character blocks compare in bounded time, shown as old text deleted and new inserted', () => {
    const before = hugeText(MILLION, 'alpha');
    const after = hugeText(MILLION, 'beta');
    const comparison = compareResults(oneBlock(before), oneBlock(after));
    expect(comparison.blockDiffs).toHaveLength(1);
    const [diff] = comparison.blockDiffs;
    expect(diff?.status).toBe('changed');
    expect(diff?.segments).toEqual([
      { op: 'delete', text: before },
      { op: 'insert', text: after },
    ]);
  }, 30_000);

  it('a one-word edit in a 1,000,000-character block is still found word by word', () => {
    const before = hugeText(MILLION, 'alpha');
    const cut = before.indexOf(' ', MILLION / 2);
    const after = `${before.slice(0, cut)} EDITED${before.slice(cut)}`;
    const [diff] = compareResults(oneBlock(before), oneBlock(after)).blockDiffs;
    expect(diff?.status).toBe('changed');
    const inserted = diff?.segments?.filter((s) => s.op === 'insert');
    expect(inserted?.map((s) => s.text.trim())).toEqual(['EDITED']);
    expect(diff?.segments?.some((s) => s.op === 'delete')).toBe(false);
  }, 30_000);

  it('a result with few blocks but millions of characters is diffed off the main thread', () => {
    const a = oneBlock(hugeText(MILLION, 'alpha'));
    const b = oneBlock(hugeText(MILLION, 'beta'));
    const posted: unknown[] = [];
    const worker: DiffWorker = {
      postMessage: (message) => posted.push(message),
      addEventListener: () => {},
      terminate: () => {},
    };
    const createWorker = vi.fn(() => worker);
    void diffInWorker(a, b, { createWorker });
    // Two blocks are far below the block threshold; the size must count too,
    // or a million-character word diff freezes the page.
    expect(createWorker).toHaveBeenCalledTimes(1);
    expect(posted).toHaveLength(1);
  });

  it('small results still compare on the main thread', async () => {
    const createWorker = vi.fn(() => null);
    const comparison = await diffInWorker(oneBlock('a b c'), oneBlock('a c'), {
      createWorker,
    });
    expect(createWorker).not.toHaveBeenCalled();
    expect(comparison.counts.changed).toBe(1);
  });
});

describe('many blocks in one chunk', () => {
  it('20,000 blocks in one chunk normalise into one chunk of 20,000 blocks', () => {
    const texts = Array.from({ length: 20_000 }, (_, i) => `cell ${i}`);
    const result = normalizeResponse(
      hostileResponse({ chunks: [{ blocks: texts }] }),
    );
    expect(result.chunks).toHaveLength(1);
    expect(result.chunks[0]?.blockIds).toHaveLength(20_000);
    expect(result.blocks[19_999]?.text).toBe('cell 19999');
  });

  // Every cell of a 20,000-cell page edited: no identical text to anchor
  // on, so all of it falls to the similarity pass. Comparing every pair is
  // 400 million comparisons (minutes, "Comparing…" all along); comparing
  // each block with its neighbours in reading order finds the same matches.
  it('20,000 blocks on one page, every one edited, are matched to their baseline blocks in bounded time', () => {
    const texts = Array.from(
      { length: 20_000 },
      (_, i) => `row ${i} amount ${i * 7} note${i}`,
    );
    const before = normalizeResponse(
      hostileResponse({ chunks: [{ blocks: texts }] }),
    );
    const after = normalizeResponse(
      hostileResponse({
        chunks: [{ blocks: texts.map((t) => `${t} edited`) }],
      }),
    );
    const { counts } = compareResults(before, after);
    expect(counts.changed).toBe(20_000);
    expect(counts.added).toBe(0);
    expect(counts.removed).toBe(0);
  }, 60_000);
});
