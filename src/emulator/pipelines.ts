/**
 * Builds the result of each demo pipeline from a document's text: the
 * PipelineResponse body (parse, extract, split) field for field as the real
 * API returns it. Pure and deterministic.
 */
import type {
  Block,
  Chunk,
  Citation,
  CitedValue,
  FullResult,
  ParseResponse,
  PipelineResult,
  SplitEntry,
  SplitResponse,
  V3Extract,
} from '../api/types';
import type { DemoPipelineId } from './demo-pipelines';
import {
  isPageFurniture,
  layoutBlocks,
  lineBlocks,
  sectionsOf,
} from './layout';
import type { Section } from './layout';
import type { DocumentText } from './pdf-text';

/** Credits per page and simulated seconds per page, per pipeline. */
const RATES: Record<DemoPipelineId, { credits: number; seconds: number }> = {
  'demo-lines': { credits: 1, seconds: 0.12 },
  'demo-layout': { credits: 2, seconds: 0.35 },
  'demo-extract': { credits: 3, seconds: 0.5 },
  'demo-split': { credits: 2.5, seconds: 0.4 },
};

function markdownOf(item: Block) {
  if (item.type === 'Title') return `# ${item.content}`;
  if (item.type === 'Section Header') return `## ${item.content}`;
  return item.content;
}

function chunkOf(blocks: Block[]): Chunk {
  return {
    content: blocks.map(markdownOf).join('\n\n'),
    embed: blocks.map((b) => b.content).join('\n'),
    enriched: null,
    enrichment_success: false,
    blocks,
  };
}

/** The parse part: blocks grouped into chunks as the pipeline would. */
export function parseResult(
  pipelineId: DemoPipelineId,
  doc: DocumentText,
): { chunks: Chunk[]; sections: Section[] } {
  if (pipelineId === 'demo-lines') {
    const chunks = lineBlocks(doc)
      .filter((blocks) => blocks.length > 0)
      .map(chunkOf);
    return { chunks, sections: [] };
  }
  const sections = sectionsOf(layoutBlocks(doc));
  return { chunks: sections.map((s) => chunkOf(s.blocks)), sections };
}

function citationOf(item: Block): Citation {
  return {
    type: item.type,
    bbox: item.bbox,
    content: item.content,
    confidence: item.confidence ?? 'high',
    granular_confidence: {
      extract_confidence: item.confidence === 'low' ? 0.6 : 0.95,
      parse_confidence: item.granular_confidence?.parse_confidence ?? null,
    },
  };
}

function cited(value: unknown, blocks: Block[]): CitedValue {
  return { value, citations: blocks.map(citationOf) };
}

/** The fields demo-extract pulls out, each leaf `{value, citations}`. */
export function extractResult(
  doc: DocumentText,
  sections: Section[],
): Record<string, unknown> {
  const all = sections.flatMap((s) => s.blocks);
  const title = all.find((b) => b.type === 'Title') ?? null;
  const headings = all.filter((b) => b.type === 'Section Header');
  const firstParagraph =
    all.find((b) => b.type === 'Text' && b.content.length >= 40) ??
    all.find((b) => b.type === 'Text') ??
    null;
  const pageNumbers = all.filter((b) => b.type === 'Page Number');
  return {
    title: title ? cited(title.content, [title]) : cited(null, []),
    headings: headings.map((h) => cited(h.content, [h])),
    page_count: cited(doc.pages.length, pageNumbers.slice(-1)),
    first_paragraph: firstParagraph
      ? cited(firstParagraph.content, [firstParagraph])
      : cited(null, []),
  };
}

/** Page ranges per detected section. */
export function splitSections(sections: Section[]) {
  const splits = sections.map((section): SplitEntry => {
    const ownBlocks = section.blocks.filter((b) => !isPageFurniture(b.type));
    return {
      name: section.name,
      pages: [...section.pages].sort((a, b) => a - b),
      // A section with a heading and some body text is a confident split.
      conf: section.heading && ownBlocks.length >= 2 ? 'high' : 'low',
      partitions: null,
    };
  });
  const mapping: Record<string, number[]> = {};
  for (const split of splits) {
    mapping[split.name] = [...(mapping[split.name] ?? []), ...split.pages];
  }
  return { splits, section_mapping: mapping };
}

export interface BuildContext {
  pipelineId: DemoPipelineId;
  jobId: string;
  doc: DocumentText;
  pdfUrl: string | null;
  /** Replaces a full parse result with a URL result when the fault says so. */
  storeResult: (
    result: FullResult,
  ) => FullResult | { type: 'url'; url: string; result_id: string };
}

const seconds = (value: number) => Math.round(value * 1000) / 1000;

/** The PipelineResponse body for one run. */
export function buildPipelineResponse(context: BuildContext) {
  const { pipelineId, jobId, doc } = context;
  const numPages = doc.pages.length;
  const rate = RATES[pipelineId];
  const { chunks, sections } = parseResult(pipelineId, doc);
  const credits = seconds(numPages * rate.credits);
  // The parse step costs the same in every layout pipeline; extract and
  // split add their own credits on top (the totals are RATES).
  const parseCredits = seconds(
    numPages * (pipelineId === 'demo-lines' ? 1 : 2),
  );
  const duration = seconds(0.4 + numPages * rate.seconds);
  const full: FullResult = { type: 'full', chunks, ocr: null, custom: null };
  const parse: ParseResponse = {
    response_type: 'parse',
    job_id: jobId,
    duration,
    pdf_url: context.pdfUrl,
    studio_link: null,
    usage: { num_pages: numPages, credits: parseCredits },
    result: context.storeResult(full),
  };
  let extract: V3Extract | null = null;
  let split: SplitResponse | null = null;
  if (pipelineId === 'demo-extract') {
    const fields = extractResult(doc, sections);
    extract = {
      response_type: 'v3_extract',
      job_id: jobId,
      result: fields,
      usage: {
        num_pages: numPages,
        num_fields: Object.keys(fields).length,
        credits: seconds(numPages * 1),
        extract_mode: 'extract',
      },
      studio_link: null,
    };
  }
  if (pipelineId === 'demo-split') {
    split = {
      response_type: 'split',
      usage: { num_pages: numPages, credits: seconds(numPages * 0.5) },
      result: splitSections(sections),
    };
  }
  const result: PipelineResult = { parse, extract, split };
  return {
    response_type: 'pipeline' as const,
    job_id: jobId,
    usage: { num_pages: numPages, credits },
    result,
  };
}

/** Simulated run time in seconds (also the job's `duration`). */
export function simulatedDuration(pipelineId: DemoPipelineId, pages: number) {
  return seconds(0.4 + pages * RATES[pipelineId].seconds);
}
