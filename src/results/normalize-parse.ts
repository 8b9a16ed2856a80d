import type {
  BlockBox,
  NormalizedBlock,
  NormalizedChunk,
  NormalizedDocument,
  PageInfo,
} from './model';
import {
  finiteOrNull,
  highLowOrNull,
  isObject,
  pageOrNull,
  stringOrNull,
  type JsonObject,
} from './guards';

export interface ParsedDocuments {
  documents: NormalizedDocument[];
  blocks: NormalizedBlock[];
  chunks: NormalizedChunk[];
  pages: PageInfo[];
  unresolvedUrlResults: boolean;
  warnings: string[];
}

/** Reads a bbox; null unless all four coordinates are finite numbers. */
export function readBox(bbox: unknown): BlockBox | null {
  if (!isObject(bbox)) return null;
  const left = finiteOrNull(bbox.left);
  const top = finiteOrNull(bbox.top);
  const width = finiteOrNull(bbox.width);
  const height = finiteOrNull(bbox.height);
  if (left === null || top === null || width === null || height === null) {
    return null;
  }
  return { left, top, width, height };
}

/** Source page: original_page (page in the uploaded file) wins over page. */
export function readSourcePage(bbox: unknown): number | null {
  if (!isObject(bbox)) return null;
  return pageOrNull(bbox.original_page) ?? pageOrNull(bbox.page);
}

/**
 * The chunks of a parse `result`: a FullResult, or (defensively) a bare array
 * of chunks, which one doc page describes for URL result bodies.
 */
function chunksOf(result: unknown): unknown[] | null {
  if (Array.isArray(result)) return result as unknown[];
  if (isObject(result) && Array.isArray(result.chunks)) {
    return result.chunks as unknown[];
  }
  return null;
}

interface Counters {
  noBox: number;
  noPage: number;
  badBlocks: number;
  badChunks: number;
}

/**
 * Flattens parse responses (one per document) into documents, chunks,
 * blocks and pages. Tolerates any malformed part: it is skipped or given
 * defaults, and counted in one warning rather than one per block.
 */
export function normalizeParses(parses: readonly unknown[]): ParsedDocuments {
  const documents: NormalizedDocument[] = [];
  const blocks: NormalizedBlock[] = [];
  const chunks: NormalizedChunk[] = [];
  const warnings: string[] = [];
  let unresolvedUrlResults = false;
  const counters: Counters = {
    noBox: 0,
    noPage: 0,
    badBlocks: 0,
    badChunks: 0,
  };

  parses.forEach((parse, docIndex) => {
    const response: JsonObject = isObject(parse) ? parse : {};
    const usage = isObject(response.usage) ? response.usage : {};
    const result = response.result;
    const document: NormalizedDocument = {
      index: docIndex,
      jobId: stringOrNull(response.job_id),
      durationSec: finiteOrNull(response.duration),
      pageCount: finiteOrNull(usage.num_pages),
      credits: finiteOrNull(usage.credits),
      pdfUrl: stringOrNull(response.pdf_url),
      resultType: 'missing',
      resultUrl: null,
      chunkIds: [],
      blockCount: 0,
    };
    documents.push(document);

    if (isObject(result) && result.type === 'url') {
      document.resultType = 'url';
      document.resultUrl = stringOrNull(result.url);
      unresolvedUrlResults = true;
      return;
    }
    const rawChunks = chunksOf(result);
    if (rawChunks === null) {
      warnings.push(
        `Document ${docIndex + 1}: the parse result has no chunks; nothing to show as blocks.`,
      );
      return;
    }
    document.resultType = 'full';
    // A block without a page inherits the previous block's page: reading
    // order keeps neighbours on the same page far more often than not.
    let lastPage = 1;
    rawChunks.forEach((rawChunk, chunkIndex) => {
      if (!isObject(rawChunk)) {
        counters.badChunks++;
        return;
      }
      const chunkId = `d${docIndex}-c${chunkIndex}`;
      const chunk: NormalizedChunk = {
        id: chunkId,
        docIndex,
        index: chunkIndex,
        content: stringOrNull(rawChunk.content) ?? '',
        embed: stringOrNull(rawChunk.embed) ?? '',
        enriched: stringOrNull(rawChunk.enriched),
        blockIds: [],
        pages: [],
      };
      const chunkPages = new Set<number>();
      const rawBlocks = Array.isArray(rawChunk.blocks) ? rawChunk.blocks : [];
      rawBlocks.forEach((rawBlock, index) => {
        if (!isObject(rawBlock)) {
          counters.badBlocks++;
          return;
        }
        const box = readBox(rawBlock.bbox);
        if (box === null) counters.noBox++;
        const sourcePage = readSourcePage(rawBlock.bbox);
        if (sourcePage === null) counters.noPage++;
        const page = sourcePage ?? lastPage;
        lastPage = page;
        const bbox = isObject(rawBlock.bbox) ? rawBlock.bbox : {};
        const granular = isObject(rawBlock.granular_confidence)
          ? rawBlock.granular_confidence
          : {};
        const id = `${chunkId}-b${index}`;
        blocks.push({
          id,
          docIndex,
          chunkIndex,
          index,
          order: blocks.length,
          type: stringOrNull(rawBlock.type) ?? 'Unknown',
          text: stringOrNull(rawBlock.content) ?? '',
          page,
          processedPage: pageOrNull(bbox.page) ?? page,
          box,
          confidence: highLowOrNull(rawBlock.confidence),
          parseConfidence: finiteOrNull(granular.parse_confidence),
          extractConfidence: finiteOrNull(granular.extract_confidence),
          raw: rawBlock,
        });
        chunk.blockIds.push(id);
        chunkPages.add(page);
        document.blockCount++;
      });
      chunk.pages = [...chunkPages].sort((a, b) => a - b);
      chunks.push(chunk);
      document.chunkIds.push(chunkId);
    });
  });

  if (counters.badChunks > 0) {
    warnings.push(
      `${counters.badChunks} chunk(s) were not objects and were skipped.`,
    );
  }
  if (counters.badBlocks > 0) {
    warnings.push(
      `${counters.badBlocks} block(s) were not objects and were skipped.`,
    );
  }
  if (counters.noBox > 0) {
    warnings.push(
      `${counters.noBox} block(s) have no usable bounding box; they are listed but not drawn.`,
    );
  }
  if (counters.noPage > 0) {
    warnings.push(
      `${counters.noPage} block(s) have no page number; they are placed on the page of the block before them.`,
    );
  }
  if (unresolvedUrlResults) {
    warnings.push(
      'The parse result was returned as a URL and has not been fetched yet, so there are no blocks to show.',
    );
  }
  return {
    documents,
    blocks,
    chunks,
    pages: pagesOf(blocks),
    unresolvedUrlResults,
    warnings,
  };
}

/** Groups block ids by (document, source page), sorted by document then page. */
export function pagesOf(blocks: readonly NormalizedBlock[]): PageInfo[] {
  const byKey = new Map<string, PageInfo>();
  for (const block of blocks) {
    const key = `${block.docIndex}:${block.page}`;
    let info = byKey.get(key);
    if (info === undefined) {
      info = { docIndex: block.docIndex, page: block.page, blockIds: [] };
      byKey.set(key, info);
    }
    info.blockIds.push(block.id);
  }
  return [...byKey.values()].sort(
    (a, b) => a.docIndex - b.docIndex || a.page - b.page,
  );
}
