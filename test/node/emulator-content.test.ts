/**
 * The emulator reads a real PDF generated here (pdf-lib) and its demo
 * pipelines report what was drawn: text, boxes (top-left, 0..1), 1-based
 * pages, typed blocks, chunks, extracted fields and splits.
 */
import type {
  Block,
  CitedValue,
  FullResult,
  PipelineResponse,
  SplitResult,
} from '@/api/types';
import { createNodeEmulator } from '@/emulator/node';
import { makeSamplePdf } from '../fixtures/make-pdf';
import type { SampleItem, SamplePdf } from '../fixtures/make-pdf';

const TOLERANCE = 0.004;
const auth = { Authorization: 'Bearer demo-key' };

let sample: SamplePdf;
const results = new Map<string, PipelineResponse>();

function blocksOf(response: PipelineResponse): Block[] {
  return fullOf(response).chunks.flatMap((chunk) => chunk.blocks);
}

function fullOf(response: PipelineResponse): FullResult {
  const parse = response.result.parse;
  if (!parse || Array.isArray(parse) || parse.result.type !== 'full') {
    throw new Error('expected one full parse result');
  }
  return parse.result;
}

function expectBoxNear(
  block: Block,
  box: { x: number; y: number; width: number; height: number },
) {
  expect(Math.abs(block.bbox.left - box.x)).toBeLessThan(TOLERANCE);
  expect(Math.abs(block.bbox.top - box.y)).toBeLessThan(TOLERANCE);
  expect(Math.abs(block.bbox.width - box.width)).toBeLessThan(TOLERANCE);
  expect(Math.abs(block.bbox.height - box.height)).toBeLessThan(TOLERANCE);
}

/** The drawn lines of one logical block, and their union box. */
function drawnBlocks(page: number) {
  const items = sample.pages[page - 1]?.items ?? [];
  const groups = new Map<number, SampleItem[]>();
  for (const item of items) {
    groups.set(item.block, [...(groups.get(item.block) ?? []), item]);
  }
  return [...groups.values()].map((lines) => {
    const x = Math.min(...lines.map((l) => l.x));
    const y = Math.min(...lines.map((l) => l.y));
    const right = Math.max(...lines.map((l) => l.x + l.width));
    const bottom = Math.max(...lines.map((l) => l.y + l.height));
    return {
      kind: lines[0]?.kind,
      text: lines.map((l) => l.text).join(' '),
      box: { x, y, width: right - x, height: bottom - y },
    };
  });
}

beforeAll(async () => {
  sample = await makeSamplePdf({ pages: 3 });
  const emulator = createNodeEmulator();
  const form = new FormData();
  form.append('file', new Blob([sample.bytes]), 'report.pdf');
  const upload = (await (
    await emulator.fetch('/upload', {
      method: 'POST',
      headers: auth,
      body: form,
    })
  ).json()) as { file_id: string };
  for (const pipelineId of [
    'demo-lines',
    'demo-layout',
    'demo-extract',
    'demo-split',
  ]) {
    const response = await emulator.fetch('/pipeline', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        input: upload.file_id,
        pipeline_id: pipelineId,
      }),
    });
    expect(response.status).toBe(200);
    results.set(pipelineId, (await response.json()) as PipelineResponse);
  }
});

function result(pipelineId: string): PipelineResponse {
  const response = results.get(pipelineId);
  if (!response) throw new Error(`no result for ${pipelineId}`);
  return response;
}

describe('demo-lines', () => {
  it('reports every drawn line once, with its text, box and 1-based page', () => {
    const blocks = blocksOf(result('demo-lines'));
    const drawn = sample.pages.flatMap((page) =>
      page.items.map((item) => ({ ...item, page: page.page })),
    );
    expect(blocks).toHaveLength(drawn.length);
    for (const item of drawn) {
      const block = blocks.find(
        (b) => b.content === item.text && b.bbox.page === item.page,
      );
      expect(block, `line "${item.text}" on page ${item.page}`).toBeDefined();
      if (!block) continue;
      expectBoxNear(block, item);
      expect(block.bbox.original_page).toBe(item.page);
      expect(block.type).toBe('Text');
      expect(block.confidence).toBe('high');
    }
  });

  it('makes one chunk per page, in page order', () => {
    const chunks = fullOf(result('demo-lines')).chunks;
    expect(chunks).toHaveLength(sample.pages.length);
    chunks.forEach((chunk, index) => {
      const pages = new Set(chunk.blocks.map((b) => b.bbox.page));
      expect([...pages]).toEqual([index + 1]);
      expect(chunk.content).toContain(chunk.blocks[0]?.content ?? '?');
      expect(chunk.enriched).toBeNull();
    });
  });
});

describe('demo-layout', () => {
  it('merges the lines of each paragraph into one block with their union box', () => {
    const blocks = blocksOf(result('demo-layout'));
    for (const page of sample.pages) {
      for (const drawn of drawnBlocks(page.page)) {
        const block = blocks.find(
          (b) => b.bbox.page === page.page && b.content === drawn.text,
        );
        expect(block, `${drawn.kind} "${drawn.text}"`).toBeDefined();
        if (block) expectBoxNear(block, drawn.box);
      }
    }
    expect(blocks).toHaveLength(
      sample.pages.reduce((n, p) => n + drawnBlocks(p.page).length, 0),
    );
  });

  it('types the title, section headers, running header, footer and page numbers', () => {
    const blocks = blocksOf(result('demo-layout'));
    const typeOf = (text: string, page: number) =>
      blocks.find((b) => b.content === text && b.bbox.page === page)?.type;
    const expected = {
      title: 'Title',
      heading: 'Section Header',
      paragraph: 'Text',
      header: 'Header',
      footer: 'Footer',
      'page-number': 'Page Number',
    } as const;
    for (const page of sample.pages) {
      for (const drawn of drawnBlocks(page.page)) {
        if (!drawn.kind) continue;
        expect(typeOf(drawn.text, page.page), drawn.text).toBe(
          expected[drawn.kind],
        );
      }
    }
  });

  it('makes one chunk per section, with Markdown headings', () => {
    const chunks = fullOf(result('demo-layout')).chunks;
    // The title's opening part plus one chunk per numbered section.
    expect(chunks).toHaveLength(sample.sections.length + 1);
    expect(chunks[0]?.content).toContain(`# ${sample.title}`);
    sample.sections.forEach((section, index) => {
      const chunk = chunks[index + 1];
      expect(chunk?.content).toContain(`## ${section.heading}`);
      const pages = new Set(chunk?.blocks.map((b) => b.bbox.page));
      expect([...pages]).toEqual(section.pages);
      expect(chunk?.embed).not.toContain('#');
    });
  });

  it('marks short blocks low-confidence and long ones high', () => {
    const blocks = blocksOf(result('demo-layout'));
    const low = blocks.filter((b) => b.confidence === 'low');
    expect(low.length).toBeGreaterThan(0);
    for (const block of blocks) {
      if (block.type === 'Page Number' || block.type === 'Title') continue;
      expect(block.confidence).toBe(block.content.length < 25 ? 'low' : 'high');
    }
  });

  it('differs from demo-lines the way two parser versions differ', () => {
    const lines = blocksOf(result('demo-lines'));
    const layout = blocksOf(result('demo-layout'));
    expect(layout.length).toBeLessThan(lines.length);
    expect(new Set(lines.map((b) => b.type))).toEqual(new Set(['Text']));
    expect(new Set(layout.map((b) => b.type))).toEqual(
      new Set([
        'Header',
        'Title',
        'Section Header',
        'Text',
        'Footer',
        'Page Number',
      ]),
    );
    // Same running header in both: retyped, same place.
    const header = sample.pages[0]?.items.find((i) => i.kind === 'header');
    const asLine = lines.find((b) => b.content === header?.text);
    const asHeader = layout.find((b) => b.content === header?.text);
    expect(asLine?.type).toBe('Text');
    expect(asHeader?.type).toBe('Header');
    expect(asHeader?.bbox).toEqual(asLine?.bbox);
    expect(fullOf(result('demo-lines')).chunks.length).not.toBe(
      fullOf(result('demo-layout')).chunks.length,
    );
    expect(result('demo-lines').usage.credits).toBeLessThan(
      result('demo-layout').usage.credits ?? 0,
    );
  });
});

describe('response envelope', () => {
  it('carries job id, usage, duration, pdf_url and the required result keys', () => {
    for (const [pipelineId, response] of results) {
      expect(response.job_id).toBeTruthy();
      expect(response.usage.num_pages).toBe(sample.pages.length);
      expect(response.usage.credits).toBeGreaterThan(0);
      expect(Object.keys(response.result)).toEqual(
        expect.arrayContaining(['parse', 'extract', 'split']),
      );
      const parse = response.result.parse;
      if (!parse || Array.isArray(parse)) throw new Error(pipelineId);
      expect(parse.job_id).toBe(response.job_id);
      expect(parse.duration).toBeGreaterThan(0);
      expect(parse.studio_link).toBeNull();
      expect(parse.pdf_url).toMatch(
        /^http:\/\/emulator\.local\/_emulator\/files\/.+\.pdf$/,
      );
      expect(parse.usage.num_pages).toBe(sample.pages.length);
    }
  });
});

describe('demo-extract', () => {
  it('extracts title, headings, page count and first paragraph with citations', () => {
    const response = result('demo-extract');
    expect(response.result.split).toBeNull();
    const extract = response.result.extract;
    if (!extract || Array.isArray(extract)) throw new Error('no extract');
    expect(extract.usage.num_pages).toBe(sample.pages.length);
    const fields = extract.result as Record<string, CitedValue | CitedValue[]>;
    const title = fields.title as CitedValue;
    expect(title.value).toBe(sample.title);
    const titleItem = sample.pages[0]?.items.find((i) => i.kind === 'title');
    expect(titleItem).toBeDefined();
    const citation = title.citations[0];
    expect(citation?.type).toBe('Title');
    expect(citation?.bbox?.page).toBe(1);
    expect(
      Math.abs((citation?.bbox?.top ?? -1) - (titleItem?.y ?? 0)),
    ).toBeLessThan(TOLERANCE);
    expect((fields.headings as CitedValue[]).map((h) => h.value)).toEqual(
      sample.sections.map((s) => s.heading),
    );
    expect((fields.page_count as CitedValue).value).toBe(sample.pages.length);
    const firstParagraph = drawnBlocks(1).find((b) => b.kind === 'paragraph');
    expect((fields.first_paragraph as CitedValue).value).toBe(
      firstParagraph?.text,
    );
    expect(extract.usage.num_fields).toBe(Object.keys(fields).length);
  });
});

describe('demo-split', () => {
  it('reports one split per detected section with its 1-based pages', () => {
    const response = result('demo-split');
    expect(response.result.extract).toBeNull();
    const split = response.result.split;
    if (!split) throw new Error('no split');
    const splitResult = split.result as SplitResult;
    const numbered = splitResult.splits.slice(1);
    expect(splitResult.splits[0]?.name).toBe(sample.title);
    expect(numbered.map((s) => ({ name: s.name, pages: s.pages }))).toEqual(
      sample.sections.map((s) => ({ name: s.heading, pages: s.pages })),
    );
    for (const s of numbered) expect(s.conf).toBe('high');
    expect(
      splitResult.section_mapping?.[sample.sections[0]?.heading ?? ''],
    ).toEqual(sample.sections[0]?.pages);
  });
});

describe('determinism', () => {
  it('gives the same result for the same input on a fresh emulator', async () => {
    const emulator = createNodeEmulator();
    const form = new FormData();
    form.append('file', new Blob([sample.bytes]), 'report.pdf');
    await emulator.fetch('/upload', {
      method: 'POST',
      headers: auth,
      body: form,
    });
    const again = await emulator.fetch('/pipeline', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        input: 'reducto://emu-file-0001.pdf',
        pipeline_id: 'demo-lines',
      }),
    });
    expect(await again.json()).toEqual(result('demo-lines'));
  });
});
