/**
 * Turns positioned text lines into Reducto blocks, the way two parser
 * generations would: `lineBlocks` (one untyped block per line, like an early
 * version) and `layoutBlocks` (paragraphs merged, titles, section headers,
 * headers, footers and page numbers typed). All rules are deterministic.
 */
import type { Block, BoundingBox } from '../api/types';
import type { DocumentText, TextLine } from './pdf-text';

/** Top and bottom bands where running headers and footers live. */
const HEADER_BAND = 0.08;
const FOOTER_BAND = 0.92;
/** A block shorter than this is reported with low confidence. */
const SHORT_BLOCK_CHARS = 25;
const PAGE_NUMBER = /^(page\s+)?\d{1,4}(\s*(\/|of)\s*\d{1,4})?$/i;

const round = (value: number) => Math.round(value * 1e6) / 1e6;

function boxOf(lines: TextLine[]): BoundingBox {
  const first = lines[0];
  const left = Math.min(...lines.map((l) => l.left));
  const top = Math.min(...lines.map((l) => l.top));
  const right = Math.max(...lines.map((l) => l.left + l.width));
  const bottom = Math.max(...lines.map((l) => l.top + l.height));
  const page = first?.page ?? 1;
  return {
    left: round(left),
    top: round(top),
    width: round(right - left),
    height: round(bottom - top),
    page,
    original_page: page,
  };
}

function confidenceOf(content: string, lowIfShort: boolean) {
  // A stable pseudo-score from the text, so the number varies per block
  // without randomness.
  let hash = 0;
  for (const char of content) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const short = lowIfShort && content.length < SHORT_BLOCK_CHARS;
  const base = short ? 0.55 : 0.9;
  return {
    confidence: short ? 'low' : 'high',
    granular_confidence: {
      parse_confidence: Math.round((base + (hash % 90) / 1000) * 1000) / 1000,
      extract_confidence: null,
    },
  };
}

function block(type: string, lines: TextLine[], content: string): Block {
  return {
    type,
    bbox: boxOf(lines),
    content,
    image_url: null,
    chart_data: null,
    ...confidenceOf(content, type !== 'Page Number'),
    extra: null,
  };
}

/** demo-lines: one 'Text' block per line, all with high confidence. */
export function lineBlocks(doc: DocumentText): Block[][] {
  return doc.pages.map((page) =>
    page.lines.map((line) => ({
      ...block('Text', [line], line.text),
      confidence: 'high',
    })),
  );
}

/** The font size most of the document's characters are set in. */
export function bodyFontSize(doc: DocumentText): number {
  const weight = new Map<number, number>();
  for (const page of doc.pages) {
    for (const line of page.lines) {
      const size = Math.round(line.fontSize * 2) / 2;
      weight.set(size, (weight.get(size) ?? 0) + line.text.length);
    }
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, w] of weight) {
    if (w > bestWeight || (w === bestWeight && size < best)) {
      best = size;
      bestWeight = w;
    }
  }
  return best || 10;
}

function inBand(line: TextLine) {
  if (line.top + line.height <= HEADER_BAND) return 'top';
  if (line.top >= FOOTER_BAND) return 'bottom';
  return null;
}

/** Whether `next` continues the paragraph that ends with `previous`. */
function continuesParagraph(
  previous: TextLine,
  next: TextLine,
  page: { width: number; height: number },
) {
  const size = previous.fontSize;
  if (Math.abs(next.fontSize - size) > 0.5) return false;
  // Distances in font sizes: a line step up to 1.6 x size keeps the
  // paragraph going, a wider gap or a clear indent starts a new one.
  const step = ((next.top - previous.top) * page.height) / size;
  if (step <= 0 || step > 1.6) return false;
  const indent = ((next.left - previous.left) * page.width) / size;
  return Math.abs(indent) <= 1.5;
}

/**
 * demo-layout: paragraphs merged by line gap and indent; 'Title' for the
 * largest text on page 1, 'Section Header' for text clearly larger than the
 * body, 'Header'/'Footer' by position band, 'Page Number' for a bare number
 * in a band. Blocks shorter than 25 characters get low confidence.
 */
export function layoutBlocks(doc: DocumentText): Block[][] {
  const body = bodyFontSize(doc);
  const firstPage = doc.pages[0]?.lines.filter((l) => !inBand(l)) ?? [];
  const titleSize = Math.max(0, ...firstPage.map((l) => l.fontSize));
  const hasTitle = titleSize > body * 1.3;
  let titleTaken = false;

  return doc.pages.map((page) => {
    const blocks: Block[] = [];
    let group: TextLine[] = [];
    const flush = () => {
      const first = group[0];
      if (!first) return;
      const content = group.map((l) => l.text).join(' ');
      let type = 'Text';
      if (
        hasTitle &&
        !titleTaken &&
        page.page === 1 &&
        first.fontSize >= titleSize - 0.5
      ) {
        type = 'Title';
        titleTaken = true;
      } else if (first.fontSize > body * 1.15) {
        type = 'Section Header';
      }
      blocks.push(block(type, group, content));
      group = [];
    };
    for (const line of page.lines) {
      const band = inBand(line);
      if (band) {
        flush();
        const type = PAGE_NUMBER.test(line.text)
          ? 'Page Number'
          : band === 'top'
            ? 'Header'
            : 'Footer';
        blocks.push(block(type, [line], line.text));
        continue;
      }
      const last = group[group.length - 1];
      if (last && !continuesParagraph(last, line, page)) flush();
      group.push(line);
    }
    flush();
    return blocks;
  });
}

/** Block types that repeat on every page and belong to no section. */
export function isPageFurniture(type: string) {
  return type === 'Header' || type === 'Footer' || type === 'Page Number';
}

export interface Section {
  /** The heading text, or the title (or "Untitled") for the opening part. */
  name: string;
  heading: Block | null;
  blocks: Block[];
  /** 1-based pages holding the section's own (non-furniture) blocks. */
  pages: number[];
}

/**
 * Splits layout blocks into sections at every 'Section Header'. Blocks before
 * the first header form an opening section named after the title. Page
 * furniture stays with the section it appears in (for chunking) but does not
 * count towards its pages.
 */
export function sectionsOf(pages: Block[][]): Section[] {
  const sections: Section[] = [];
  let current: Section | null = null;
  const start = (name: string, heading: Block | null) => {
    current = { name, heading, blocks: [], pages: [] };
    sections.push(current);
    return current;
  };
  for (const blocks of pages) {
    for (const item of blocks) {
      let section: Section =
        current ??
        start(
          item.type === 'Title' ? item.content : 'Untitled',
          item.type === 'Title' ? item : null,
        );
      if (item.type === 'Section Header') section = start(item.content, item);
      else if (item.type === 'Title' && section.heading === null) {
        section.name = item.content;
        section.heading = item;
      }
      section.blocks.push(item);
      if (
        !isPageFurniture(item.type) &&
        !section.pages.includes(item.bbox.page)
      ) {
        section.pages.push(item.bbox.page);
      }
    }
  }
  return sections.filter((s) => s.blocks.some((b) => !isPageFurniture(b.type)));
}
