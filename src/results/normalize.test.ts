import { describe, expect, it } from 'vitest';
import { normalizeResponse } from './normalize';
import { blockById, blocksOnPage } from './lookup';
import { blockLabel, resultMarkdown } from './labels';

const block = (
  type: string,
  content: string,
  page: number,
  extra: Record<string, unknown> = {},
) => ({
  type,
  content,
  bbox: { left: 0.1, top: 0.1, width: 0.5, height: 0.05, page },
  confidence: 'high',
  ...extra,
});

const parse = (
  chunks: { blocks: unknown[]; content?: string }[],
  duration = 2,
) => ({
  job_id: 'parse-1',
  duration,
  usage: { num_pages: 3, credits: 4 },
  result: {
    type: 'full',
    chunks: chunks.map((c) => ({
      content: c.content ?? 'chunk',
      embed: '',
      enriched: null,
      blocks: c.blocks,
    })),
  },
});

const pipeline = (result: Record<string, unknown>) => ({
  job_id: 'pipe-1',
  usage: { num_pages: 3, credits: 10 },
  result: { parse: null, extract: null, split: null, ...result },
});

describe('normalizeResponse: parse results', () => {
  it('flattens chunks into blocks with stable ids, pages and confidence', () => {
    const result = normalizeResponse(
      pipeline({
        parse: parse([
          { blocks: [block('Title', 'Report', 1), block('Text', 'Intro', 1)] },
          {
            blocks: [
              block('Table', '<table></table>', 2, {
                confidence: 'low',
                granular_confidence: { parse_confidence: 0.31 },
              }),
            ],
          },
        ]),
      }),
    );

    expect(result.kind).toBe('pipeline');
    expect(result.blocks.map((b) => b.id)).toEqual([
      'd0-c0-b0',
      'd0-c0-b1',
      'd0-c1-b0',
    ]);
    const table = blockById(result, 'd0-c1-b0');
    expect(table).toMatchObject({
      type: 'Table',
      page: 2,
      confidence: 'low',
      parseConfidence: 0.31,
      box: { left: 0.1, top: 0.1, width: 0.5, height: 0.05 },
    });
    expect(result.pages).toEqual([
      { docIndex: 0, page: 1, blockIds: ['d0-c0-b0', 'd0-c0-b1'] },
      { docIndex: 0, page: 2, blockIds: ['d0-c1-b0'] },
    ]);
    expect(result.chunks[1]).toMatchObject({
      id: 'd0-c1',
      blockIds: ['d0-c1-b0'],
      pages: [2],
    });
    expect(blocksOnPage(result, 1).map((b) => b.text)).toEqual([
      'Report',
      'Intro',
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('uses original_page as the page in the source document', () => {
    const result = normalizeResponse(
      parse([
        {
          blocks: [
            {
              ...block('Text', 'from page 7', 1),
              bbox: {
                left: 0,
                top: 0,
                width: 1,
                height: 0.1,
                page: 1,
                original_page: 7,
              },
            },
          ],
        },
      ]),
    );
    expect(result.kind).toBe('parse');
    expect(result.blocks[0]).toMatchObject({ page: 7, processedPage: 1 });
    expect(result.pages.map((p) => p.page)).toEqual([7]);
  });

  it('gives every document of a multi-document pipeline its own blocks', () => {
    const result = normalizeResponse(
      pipeline({
        parse: [
          parse([{ blocks: [block('Text', 'first doc', 1)] }], 1.5),
          parse(
            [
              {
                blocks: [
                  block('Text', 'second doc', 1),
                  block('Text', 'more', 2),
                ],
              },
            ],
            2.5,
          ),
        ],
      }),
    );
    expect(result.documents).toHaveLength(2);
    expect(result.blocks.map((b) => [b.id, b.docIndex])).toEqual([
      ['d0-c0-b0', 0],
      ['d1-c0-b0', 1],
      ['d1-c0-b1', 1],
    ]);
    expect(result.pages.map((p) => [p.docIndex, p.page])).toEqual([
      [0, 1],
      [1, 1],
      [1, 2],
    ]);
    expect(result.metrics.durationSec).toBe(4);
  });

  it('reads a bare list of parse responses as several documents', () => {
    const result = normalizeResponse([
      parse([{ blocks: [block('Text', 'a', 1)] }]),
      parse([{ blocks: [block('Text', 'b', 1)] }]),
    ]);
    expect(result.kind).toBe('parse');
    expect(result.documents).toHaveLength(2);
    expect(result.metrics.pages).toBe(6);
  });

  it('computes metrics: duration, pages, credits, chunks, blocks by type, low confidence', () => {
    const result = normalizeResponse(
      pipeline({
        parse: parse([
          {
            blocks: [
              block('Text', 'a', 1),
              block('Text', 'b', 1, { confidence: 'low' }),
              block('Table', 'c', 2),
            ],
          },
        ]),
      }),
    );
    expect(result.metrics).toEqual({
      durationSec: 2,
      pages: 3,
      credits: 10,
      chunkCount: 1,
      blockCount: 3,
      blocksByType: { Text: 2, Table: 1 },
      lowConfidenceCount: 1,
      fieldCount: 0,
    });
  });

  it('keeps malformed blocks it can use and says what it skipped', () => {
    const result = normalizeResponse(
      parse([
        {
          blocks: [
            block('Text', 'fine', 3),
            { type: 'Text', content: 'no box' },
            'not a block',
            { content: 42, bbox: { page: 'x' } },
          ],
        },
      ]),
    );
    expect(
      result.blocks.map((b) => [b.text, b.page, b.box === null, b.type]),
    ).toEqual([
      ['fine', 3, false, 'Text'],
      ['no box', 3, true, 'Text'],
      ['', 3, true, 'Unknown'],
    ]);
    expect(result.warnings.join(' ')).toMatch(/1 block\(s\) were not objects/);
    expect(result.warnings.join(' ')).toMatch(
      /2 block\(s\) have no usable bounding box/,
    );
  });

  it('flags a URL result that was not fetched, without blocks', () => {
    const result = normalizeResponse(
      pipeline({
        parse: {
          job_id: 'p',
          duration: 1,
          usage: { num_pages: 40 },
          result: {
            type: 'url',
            url: 'https://results.example/r.json',
            result_id: 'r',
          },
        },
      }),
    );
    expect(result.kind).toBe('pipeline');
    expect(result.unresolvedUrlResults).toBe(true);
    expect(result.documents[0]).toMatchObject({
      resultType: 'url',
      resultUrl: 'https://results.example/r.json',
    });
    expect(result.blocks).toEqual([]);
    expect(result.warnings.join(' ')).toMatch(/returned as a URL/);
  });

  it('reads a completed job wrapper and a bare FullResult', () => {
    const inner = pipeline({
      parse: parse([{ blocks: [block('Text', 'x', 1)] }]),
    });
    expect(
      normalizeResponse({ status: 'Completed', result: inner }).blocks,
    ).toHaveLength(1);
    const full = normalizeResponse({
      type: 'full',
      chunks: [
        {
          content: 'c',
          embed: '',
          enriched: null,
          blocks: [block('Text', 'y', 1)],
        },
      ],
    });
    expect(full.kind).toBe('parse');
    expect(full.blocks[0]?.text).toBe('y');
  });

  it.each([
    ['null', null],
    ['a string', 'oops'],
    ['a number', 42],
    ['an empty object', {}],
    ['a numeric result', { result: 42 }],
    ['an empty list', []],
    ['a pending job', { status: 'Pending' }],
  ])(
    'never throws on %s: kind unknown, empty lists and a warning',
    (_, raw) => {
      const result = normalizeResponse(raw);
      expect(result.kind).toBe('unknown');
      expect(result.blocks).toEqual([]);
      expect(result.chunks).toEqual([]);
      expect(result.extract).toBeNull();
      expect(result.split).toBeNull();
      expect(result.warnings.length).toBeGreaterThan(0);
    },
  );

  it('survives a hostile object whose getters throw', () => {
    const hostile = {
      get result(): unknown {
        throw new Error('boom');
      },
    };
    const result = normalizeResponse(hostile);
    expect(result.kind).toBe('unknown');
    expect(result.warnings.join(' ')).toMatch(/boom/);
  });
});

describe('normalizeResponse: extract', () => {
  it('flattens a plain extract (list of one object) into field paths', () => {
    const result = normalizeResponse(
      pipeline({
        extract: {
          result: [
            {
              invoice: {
                number: 'A-1',
                lines: [{ amount: 5 }, { amount: 7 }],
                notes: [],
              },
            },
          ],
          citations: null,
          usage: { num_pages: 1, num_fields: 3 },
        },
      }),
    );
    expect(result.extract?.map((f) => [f.path, f.value])).toEqual([
      ['invoice.number', 'A-1'],
      ['invoice.lines[0].amount', 5],
      ['invoice.lines[1].amount', 7],
      ['invoice.notes', []],
    ]);
    expect(result.metrics.fieldCount).toBe(4);
  });

  it('reads {value, citations} leaves with their cited pages and boxes', () => {
    const result = normalizeResponse(
      pipeline({
        extract: {
          response_type: 'v3_extract',
          result: {
            total: {
              value: 120.5,
              citations: [
                {
                  type: 'Text',
                  content: 'Total 120.50',
                  bbox: {
                    left: 0.5,
                    top: 0.8,
                    width: 0.2,
                    height: 0.02,
                    page: 1,
                    original_page: 2,
                  },
                  confidence: 'high',
                },
              ],
            },
            items: [{ value: 'Widget', citations: [] }],
          },
          usage: { num_pages: 2, num_fields: 2 },
        },
      }),
    );
    expect(result.extract).toEqual([
      {
        path: 'total',
        fieldPath: 'total',
        splitName: null,
        value: 120.5,
        citations: [
          {
            page: 2,
            box: { left: 0.5, top: 0.8, width: 0.2, height: 0.02 },
            text: 'Total 120.50',
            type: 'Text',
            confidence: 'high',
          },
        ],
      },
      {
        path: 'items[0]',
        fieldPath: 'items[0]',
        splitName: null,
        value: 'Widget',
        citations: [],
      },
    ]);
  });

  it('prefixes fields of an extract→split list with the split name', () => {
    const item = (split_name: string, total: number, partition?: string) => ({
      split_name,
      page_range: [1, 2],
      ...(partition ? { partition } : {}),
      result: {
        result: [{ total }],
        citations: null,
        usage: { num_pages: 2, num_fields: 1 },
      },
    });
    const result = normalizeResponse(
      pipeline({
        extract: [
          item('Invoice', 10),
          item('Invoice', 20),
          item('Receipt', 5, 'acme'),
        ],
      }),
    );
    expect(
      result.extract?.map((f) => [f.path, f.splitName, f.fieldPath, f.value]),
    ).toEqual([
      ['Invoice › total', 'Invoice', 'total', 10],
      ['Invoice#2 › total', 'Invoice#2', 'total', 20],
      ['Receipt (acme) › total', 'Receipt (acme)', 'total', 5],
    ]);
  });

  it('quotes keys that would make a path ambiguous', () => {
    const result = normalizeResponse(
      pipeline({
        extract: {
          result: [{ 'a.b': 1, 'c[0]': 2 }],
          citations: null,
          usage: {},
        },
      }),
    );
    expect(result.extract?.map((f) => f.path)).toEqual(['["a.b"]', '["c[0]"]']);
  });
});

describe('normalizeResponse: split', () => {
  it('reads split ranges with partitions, and deep split page evidence', () => {
    const plain = normalizeResponse(
      pipeline({
        split: {
          usage: { num_pages: 4 },
          result: {
            section_mapping: null,
            splits: [
              {
                name: 'Invoice',
                pages: [2, 1, 2],
                conf: 'high',
                partitions: [{ name: 'acme', pages: [1] }],
              },
              { name: 'Invoice', pages: [3, 4], conf: 'low' },
            ],
          },
        },
      }),
    );
    expect(plain.split).toEqual([
      {
        key: 'Invoice',
        name: 'Invoice',
        pages: [1, 2],
        conf: 'high',
        partitions: [{ name: 'acme', pages: [1], conf: null }],
      },
      {
        key: 'Invoice#2',
        name: 'Invoice',
        pages: [3, 4],
        conf: 'low',
        partitions: [],
      },
    ]);

    const deep = normalizeResponse({
      response_type: 'split',
      usage: { num_pages: 2 },
      result: {
        splits: [
          {
            name: 'Contract',
            pages: [
              { page_number: 2, evidence: 'x' },
              { page_number: 1, evidence: 'y' },
            ],
          },
        ],
      },
    });
    expect(deep.kind).toBe('split');
    expect(deep.split?.[0]?.pages).toEqual([1, 2]);
  });
});

describe('labels and Markdown', () => {
  it('gives readable block labels and joins chunk Markdown', () => {
    expect(blockLabel('Section Header')).toBe('Section Header');
    expect(blockLabel('key_value')).toBe('Key value');
    expect(blockLabel('')).toBe('Unknown');
    const result = normalizeResponse(
      parse([
        { content: '# Title', blocks: [] },
        { content: '  ', blocks: [] },
        { content: 'Body', blocks: [] },
      ]),
    );
    expect(resultMarkdown(result)).toBe('# Title\n\nBody');
  });
});
