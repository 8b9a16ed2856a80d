import { describe, expect, it } from 'vitest';
import { compareResults } from './compare';
import { normalizeResponse } from './normalize';
import type { BlockDiff, Comparison } from './model';

interface B {
  type?: string;
  text: string;
  page?: number;
  top?: number;
  left?: number;
}

/** One block per line, stacked down the page unless `top` is given. */
function resultOf(blocks: B[], extra: Record<string, unknown> = {}, docs = 1) {
  const chunk = (list: B[]) => ({
    content: list.map((b) => b.text).join('\n'),
    embed: '',
    enriched: null,
    blocks: list.map((b, i) => ({
      type: b.type ?? 'Text',
      content: b.text,
      bbox: {
        left: b.left ?? 0.1,
        top: b.top ?? 0.05 + i * 0.05,
        width: 0.7,
        height: 0.03,
        page: b.page ?? 1,
      },
      confidence: 'high',
    })),
  });
  const parse = {
    job_id: 'p',
    duration: 3,
    usage: { num_pages: 2, credits: 2 },
    result: { type: 'full', chunks: [chunk(blocks)] },
  };
  return normalizeResponse({
    job_id: 'j',
    usage: { num_pages: 2, credits: 5 },
    result: {
      parse: docs === 1 ? parse : Array.from({ length: docs }, () => parse),
      extract: null,
      split: null,
      ...extra,
    },
  });
}

const statuses = (c: Comparison) =>
  c.blockDiffs.map((d) => [d.status, d.changes, d.candidateId, d.baselineId]);

const diffFor = (c: Comparison, candidateId: string): BlockDiff | undefined => {
  const i = c.diffIndexByCandidateId[candidateId];
  return i === undefined ? undefined : c.blockDiffs[i];
};

const base: B[] = [
  { type: 'Title', text: 'Annual report 2026' },
  { text: 'Revenue grew by twelve percent over the year' },
  { text: 'Costs were flat thanks to the new supplier contracts' },
  { text: 'The board proposes a dividend of two euros' },
];

describe('compareResults: block classes', () => {
  it('finds nothing on identical results', () => {
    const c = compareResults(resultOf(base), resultOf(base));
    expect(c.counts).toMatchObject({
      unchanged: 4,
      differences: 0,
      changed: 0,
      added: 0,
      removed: 0,
    });
    expect(
      c.blockDiffs.every((d) => d.status === 'unchanged' && d.similarity === 1),
    ).toBe(true);
    expect(c.pagesWithDifferences).toEqual([]);
  });

  it('ignores whitespace-only differences', () => {
    const spaced = base.map((b) => ({
      ...b,
      text: `  ${b.text.replace(/ /g, '\n ')} `,
    }));
    expect(
      compareResults(resultOf(base), resultOf(spaced)).counts.differences,
    ).toBe(0);
  });

  it('marks a text edit as changed with word segments', () => {
    const edited = base.map((b, i) =>
      i === 1
        ? { ...b, text: 'Revenue grew by fifteen percent over the year' }
        : b,
    );
    const c = compareResults(resultOf(base), resultOf(edited));
    const diff = diffFor(c, 'd0-c0-b1');
    expect(diff).toMatchObject({
      status: 'changed',
      changes: ['changed'],
      baselineId: 'd0-c0-b1',
    });
    expect(diff?.segments).toEqual([
      { op: 'equal', text: 'Revenue grew by ' },
      { op: 'delete', text: 'twelve' },
      { op: 'insert', text: 'fifteen' },
      { op: 'equal', text: ' percent over the year' },
    ]);
    expect(diff?.similarity).toBeGreaterThan(0.5);
    expect(diff?.similarity).toBeLessThan(1);
    expect(c.counts).toMatchObject({
      changed: 1,
      unchanged: 3,
      differences: 1,
    });
    expect(c.pagesWithDifferences).toEqual([1]);
  });

  it('marks a type change as retyped', () => {
    const retyped = base.map((b, i) =>
      i === 0 ? { ...b, type: 'Section Header' } : b,
    );
    const c = compareResults(resultOf(base), resultOf(retyped));
    expect(diffFor(c, 'd0-c0-b0')).toMatchObject({
      status: 'retyped',
      changes: ['retyped'],
    });
    expect(c.counts).toMatchObject({ retyped: 1, changed: 0, differences: 1 });
  });

  it('marks the same text at another place, or on another page, as moved', () => {
    const moved = [
      base[0] as B,
      { ...(base[1] as B), left: 0.3 },
      base[2] as B,
      { ...(base[3] as B), page: 2, top: 0.1 },
    ];
    const c = compareResults(resultOf(base), resultOf(moved));
    expect(diffFor(c, 'd0-c0-b1')).toMatchObject({
      status: 'moved',
      page: 1,
      baselinePage: 1,
    });
    expect(diffFor(c, 'd0-c0-b3')).toMatchObject({
      status: 'moved',
      page: 2,
      baselinePage: 1,
    });
    expect(c.counts).toMatchObject({ moved: 2, differences: 2 });
    expect(c.pagesWithDifferences).toEqual([1, 2]);
  });

  it('does not call a box that only grew a move', () => {
    const grown = base.map((b, i) =>
      i === 2 ? { ...b, text: `${b.text} and lower rents` } : b,
    );
    const c = compareResults(resultOf(base), resultOf(grown));
    expect(diffFor(c, 'd0-c0-b2')?.changes).toEqual(['changed']);
  });

  it('lists added blocks and removed ones at their baseline position', () => {
    const next = [
      base[0] as B,
      base[2] as B,
      base[3] as B,
      { text: 'A brand new closing remark' },
    ];
    const c = compareResults(resultOf(base), resultOf(next));
    expect(statuses(c)).toEqual([
      ['unchanged', [], 'd0-c0-b0', 'd0-c0-b0'],
      ['removed', [], null, 'd0-c0-b1'],
      ['moved', ['moved'], 'd0-c0-b1', 'd0-c0-b2'],
      ['moved', ['moved'], 'd0-c0-b2', 'd0-c0-b3'],
      ['added', [], 'd0-c0-b3', null],
    ]);
    expect(c.counts).toMatchObject({ added: 1, removed: 1 });
    expect(c.diffIndexByBaselineId['d0-c0-b1']).toBe(1);
    expect(c.matchByBaselineId['d0-c0-b1']).toBeUndefined();
    expect(c.matchByCandidateId['d0-c0-b1']).toBe('d0-c0-b2');
    expect(c.matchByBaselineId['d0-c0-b2']).toBe('d0-c0-b1');
  });

  it('carries several changes on one block, the text change first', () => {
    const combo = base.map((b, i) =>
      i === 3
        ? {
            type: 'List Item',
            text: 'The board proposes a dividend of three euros',
            page: 2,
            top: 0.5,
          }
        : b,
    );
    const c = compareResults(resultOf(base), resultOf(combo));
    expect(diffFor(c, 'd0-c0-b3')).toMatchObject({
      status: 'changed',
      changes: ['changed', 'retyped', 'moved'],
      baselinePage: 1,
      page: 2,
    });
    expect(c.counts).toMatchObject({
      changed: 1,
      retyped: 1,
      moved: 1,
      differences: 1,
    });
  });

  it('keeps repeated identical texts matched to their own places', () => {
    const rows: B[] = Array.from({ length: 6 }, () => ({ text: '$' }));
    const c = compareResults(resultOf(rows), resultOf(rows));
    expect(c.blockDiffs.map((d) => [d.candidateId, d.baselineId])).toEqual(
      rows.map((_, i) => [`d0-c0-b${i}`, `d0-c0-b${i}`]),
    );
  });

  it('aligns each document of a multi-document result with itself only', () => {
    const a = resultOf(base, {}, 2);
    const b = resultOf(base, {}, 2);
    const c = compareResults(a, b);
    expect(c.counts.unchanged).toBe(8);
    expect(
      c.blockDiffs.every(
        (d) => d.candidateId?.slice(0, 2) === d.baselineId?.slice(0, 2),
      ),
    ).toBe(true);
    expect(c.pagesWithDifferencesByDoc).toEqual([[]]);
  });

  it('is deterministic', () => {
    const edited = [{ text: 'Something else entirely' }, ...base.slice(1)];
    expect(compareResults(resultOf(base), resultOf(edited))).toEqual(
      compareResults(resultOf(base), resultOf(edited)),
    );
  });
});

describe('compareResults: extract fields', () => {
  const cited = (value: unknown, page = 1) => ({
    value,
    citations: [
      {
        type: 'Text',
        content: String(value),
        bbox: { left: 0, top: 0, width: 1, height: 0.1, page },
      },
    ],
  });

  it('compares nested objects and arrays value by value', () => {
    const extract = (invoice: unknown) => ({
      extract: {
        result: [{ invoice }],
        citations: null,
        usage: { num_pages: 1, num_fields: 1 },
      },
    });
    const a = resultOf(
      base,
      extract({
        number: 'A-1',
        lines: [{ amount: 5 }, { amount: 7 }],
        po: 'P',
      }),
    );
    const b = resultOf(
      base,
      extract({
        number: 'A-1',
        lines: [{ amount: 5 }, { amount: 8 }, { amount: 1 }],
      }),
    );
    const c = compareResults(a, b);
    expect(
      c.extractDiffs.map((f) => [f.path, f.status, f.oldValue, f.newValue]),
    ).toEqual([
      ['invoice.number', 'unchanged', 'A-1', 'A-1'],
      ['invoice.lines[0].amount', 'unchanged', 5, 5],
      ['invoice.lines[1].amount', 'changed', 7, 8],
      ['invoice.lines[2].amount', 'added', undefined, 1],
      ['invoice.po', 'removed', 'P', undefined],
    ]);
    expect(c.counts).toMatchObject({
      fieldsUnchanged: 2,
      fieldsChanged: 1,
      fieldsAdded: 1,
      fieldsRemoved: 1,
    });
  });

  it('compares cited leaves by value and notes moved citations', () => {
    const extract = (total: unknown, page: number) => ({
      extract: {
        response_type: 'v3_extract',
        result: { total: cited(total, page), name: cited('Acme') },
        usage: {},
      },
    });
    const c = compareResults(
      resultOf(base, extract(10, 1)),
      resultOf(base, extract('10', 2)),
    );
    expect(c.extractDiffs).toEqual([
      {
        path: 'total',
        fieldPath: 'total',
        splitName: null,
        status: 'changed',
        oldValue: 10,
        newValue: '10',
        citationsChanged: true,
      },
      {
        path: 'name',
        fieldPath: 'name',
        splitName: null,
        status: 'unchanged',
        oldValue: 'Acme',
        newValue: 'Acme',
        citationsChanged: false,
      },
    ]);
  });

  it('compares extract→split lists per split', () => {
    const item = (split_name: string, total: number) => ({
      split_name,
      page_range: [1],
      result: { result: [{ total }], citations: null, usage: {} },
    });
    const a = resultOf(base, {
      extract: [item('Invoice', 10), item('Receipt', 3)],
    });
    const b = resultOf(base, {
      extract: [item('Invoice', 11), item('Contract', 1)],
    });
    const c = compareResults(a, b);
    expect(c.extractDiffs.map((f) => [f.path, f.splitName, f.status])).toEqual([
      ['Invoice › total', 'Invoice', 'changed'],
      ['Contract › total', 'Contract', 'added'],
      ['Receipt › total', 'Receipt', 'removed'],
    ]);
  });

  it('has no field diffs when neither side extracted', () => {
    const c = compareResults(resultOf(base), resultOf(base));
    expect(c.extractDiffs).toEqual([]);
  });
});

describe('compareResults: split ranges', () => {
  it('reports pages added and removed per split, and added/removed splits', () => {
    const split = (splits: unknown[]) => ({
      split: {
        usage: { num_pages: 6 },
        result: { section_mapping: null, splits },
      },
    });
    const a = resultOf(
      base,
      split([
        { name: 'Invoice', pages: [1, 2], conf: 'high' },
        { name: 'Terms', pages: [3, 4] },
        { name: 'Annex', pages: [5] },
      ]),
    );
    const b = resultOf(
      base,
      split([
        { name: 'Invoice', pages: [1, 2], conf: 'high' },
        { name: 'Terms', pages: [3, 4, 5] },
        { name: 'Receipt', pages: [6] },
      ]),
    );
    const c = compareResults(a, b);
    expect(
      c.splitDiffs.map((s) => [s.key, s.status, s.pagesAdded, s.pagesRemoved]),
    ).toEqual([
      ['Invoice', 'unchanged', [], []],
      ['Terms', 'changed', [5], []],
      ['Receipt', 'added', [6], []],
      ['Annex', 'removed', [], [5]],
    ]);
    expect(c.counts).toMatchObject({
      splitsChanged: 1,
      splitsAdded: 1,
      splitsRemoved: 1,
    });
  });

  it('treats a confidence change as a change', () => {
    const split = (conf: string) => ({
      split: {
        usage: {},
        result: { splits: [{ name: 'Invoice', pages: [1], conf }] },
      },
    });
    const c = compareResults(
      resultOf(base, split('high')),
      resultOf(base, split('low')),
    );
    expect(c.splitDiffs[0]).toMatchObject({
      status: 'changed',
      confChanged: true,
      pagesAdded: [],
    });
  });
});

describe('compareResults: metrics', () => {
  it('gives candidate − baseline for every metric, null when unknown', () => {
    const a = resultOf(base);
    const b = resultOf([...base, { type: 'Table', text: '<table></table>' }]);
    const c = compareResults(a, b);
    expect(c.metricDeltas).toEqual({
      durationSec: 0,
      pages: 0,
      credits: 0,
      chunkCount: 0,
      blockCount: 1,
      lowConfidenceCount: 0,
      fieldCount: 0,
      blocksByType: { Table: 1, Text: 0, Title: 0 },
    });
    const unknown = compareResults(normalizeResponse(null), a).metricDeltas;
    expect(unknown.durationSec).toBeNull();
    expect(unknown.blockCount).toBe(4);
  });

  it('compares an unknown result with a real one without throwing', () => {
    const c = compareResults(normalizeResponse('garbage'), resultOf(base));
    expect(c.counts).toMatchObject({ added: 4, removed: 0 });
  });
});
