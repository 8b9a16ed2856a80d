import type {
  BlockConfidence,
  ExtractField,
  FieldValue,
  NormalizedBlock,
  NormalizedChunk,
  NormalizedResult,
  ResultKind,
  SplitRange,
} from '@/results/model';
import { computeMetrics } from '@/results/metrics';
import type { RunRecord } from '@/storage/run-record';

/** Test-only builders of hand-made normalised results and run records. */

export interface BlockSpec {
  type?: string;
  text: string;
  page?: number;
  box?: { left: number; top: number; width: number; height: number };
  confidence?: BlockConfidence;
}

export interface ResultSpec {
  blocks?: BlockSpec[];
  /** Block indexes per chunk; default: one chunk holding every block. */
  chunks?: number[][];
  /** Chunk Markdown; default: the chunk's block texts joined. */
  chunkContent?: string[];
  extract?: { path: string; value: FieldValue }[];
  split?: { name: string; pages: number[] }[];
  kind?: ResultKind;
  durationSec?: number | null;
  pages?: number | null;
  credits?: number | null;
}

export function buildResult(spec: ResultSpec): NormalizedResult {
  const specs = spec.blocks ?? [];
  const groups = spec.chunks ?? [specs.map((_, i) => i)];
  const blocks: NormalizedBlock[] = [];
  const chunks: NormalizedChunk[] = [];
  groups.forEach((indexes, c) => {
    const blockIds: string[] = [];
    const own: NormalizedBlock[] = [];
    indexes.forEach((i, b) => {
      const s = specs[i];
      if (!s) return;
      const id = `d0-c${c}-b${b}`;
      blockIds.push(id);
      const block: NormalizedBlock = {
        id,
        docIndex: 0,
        chunkIndex: c,
        index: b,
        order: blocks.length,
        type: s.type ?? 'Text',
        text: s.text,
        page: s.page ?? 1,
        processedPage: s.page ?? 1,
        box: s.box ?? {
          left: 0.1,
          top: 0.05 + 0.05 * i,
          width: 0.8,
          height: 0.04,
        },
        confidence: s.confidence ?? 'high',
        parseConfidence: null,
        extractConfidence: null,
        raw: { type: s.type ?? 'Text', content: s.text },
      };
      blocks.push(block);
      own.push(block);
    });
    chunks.push({
      id: `d0-c${c}`,
      docIndex: 0,
      index: c,
      content: spec.chunkContent?.[c] ?? own.map((b) => b.text).join('\n\n'),
      embed: '',
      enriched: null,
      blockIds,
      pages: [...new Set(own.map((b) => b.page))].sort((a, b) => a - b),
    });
  });
  const extract: ExtractField[] | null = spec.extract
    ? spec.extract.map((f) => ({
        path: f.path,
        fieldPath: f.path,
        splitName: null,
        value: f.value,
        citations: [],
      }))
    : null;
  const split: SplitRange[] | null = spec.split
    ? spec.split.map((s) => ({
        key: s.name,
        name: s.name,
        pages: s.pages,
        conf: 'high',
        partitions: [],
      }))
    : null;
  const blockIndexById: Record<string, number> = {};
  blocks.forEach((b, i) => (blockIndexById[b.id] = i));
  const documents = [
    {
      index: 0,
      jobId: 'job-1',
      durationSec: spec.durationSec === undefined ? 2 : spec.durationSec,
      pageCount: spec.pages ?? 1,
      credits: spec.credits ?? 1,
      pdfUrl: null,
      resultType: 'full' as const,
      resultUrl: null,
      chunkIds: chunks.map((c) => c.id),
      blockCount: blocks.length,
    },
  ];
  const pageNumbers = [...new Set(blocks.map((b) => b.page))].sort(
    (a, b) => a - b,
  );
  return {
    kind: spec.kind ?? 'pipeline',
    documents,
    blocks,
    blockIndexById,
    chunks,
    pages: pageNumbers.map((page) => ({
      docIndex: 0,
      page,
      blockIds: blocks.filter((b) => b.page === page).map((b) => b.id),
    })),
    extract,
    split,
    metrics: computeMetrics({
      documents,
      blocks,
      chunkCount: chunks.length,
      extract,
      pages: spec.pages ?? 1,
      credits: spec.credits ?? 1,
    }),
    unresolvedUrlResults: false,
    warnings: [],
  };
}

let nextRun = 0;

export function buildRun(overrides: Partial<RunRecord> = {}): RunRecord {
  nextRun++;
  return {
    id: `run-${nextRun}`,
    documentKey: 'doc-1',
    documentName: 'invoice.pdf',
    documentSize: 1234,
    pipelineId: `pl-${nextRun}`,
    pipelineLabel: `pipeline ${nextRun}`,
    baseUrl: 'https://platform.reducto.ai',
    demo: false,
    status: 'completed',
    createdAt: Date.UTC(2026, 0, 1, 12, nextRun),
    ...overrides,
  };
}
