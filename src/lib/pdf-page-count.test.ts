import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { countPdfPages } from './pdf-page-count';

async function makePdf(
  pages: number,
  useObjectStreams: boolean,
): Promise<Blob> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage([300, 400]);
    page.drawText(`Page ${i}`, { x: 40, y: 340, size: 18, font });
  }
  const bytes = await doc.save({ useObjectStreams });
  return new Blob([new Uint8Array(bytes)]);
}

describe('countPdfPages', () => {
  it.each([
    [1, false],
    [3, false],
    [7, true],
    [12, true],
  ])(
    'counts %d pages (object streams: %s)',
    async (pages, useObjectStreams) => {
      expect(await countPdfPages(await makePdf(pages, useObjectStreams))).toBe(
        pages,
      );
    },
  );

  it('reads the newest page tree after an incremental update', async () => {
    const original = await makePdf(2, false);
    const doc = await PDFDocument.load(await original.arrayBuffer());
    doc.addPage();
    doc.addPage();
    const updated = new Blob([
      new Uint8Array(await doc.save({ useObjectStreams: false })),
    ]);
    expect(await countPdfPages(updated)).toBe(4);
  });

  it('says unknown for something that is not a PDF', async () => {
    expect(await countPdfPages(new Blob(['hello, world']))).toBeNull();
    expect(await countPdfPages(new Blob([]))).toBeNull();
  });

  it('says unknown for a damaged PDF with no page tree', async () => {
    expect(
      await countPdfPages(new Blob(['%PDF-1.7\n1 0 obj << /Foo 1 >> endobj'])),
    ).toBeNull();
  });

  it('does not read files above the size limit', async () => {
    expect(await countPdfPages(await makePdf(2, false), 100)).toBeNull();
  });
});
