import { act, renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import {
  documentsActions,
  getDocumentFile,
  getDocuments,
  resetDocumentsStore,
  useDocuments,
} from './documents-store';

async function pdfFile(name: string, pages: number): Promise<File> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage();
  return new File([new Uint8Array(await doc.save())], name, {
    type: 'application/pdf',
  });
}

/** A file that claims a size without holding the bytes. */
function fileOfSize(name: string, size: number, type = 'application/pdf') {
  const file = new File(['x'], name, { type });
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

beforeEach(() => resetDocumentsStore());

describe('documents store', () => {
  it('adds files with their content hash, type and PDF page count', async () => {
    const pdf = await pdfFile('report.pdf', 3);
    const text = new File(['hello'], 'notes.txt', { type: 'text/plain' });
    const heic = new File(['img'], 'photo.heic'); // browsers often give no type
    const { result } = renderHook(() => useDocuments());
    let problems: unknown;
    await act(async () => {
      problems = await documentsActions.filesAdded([pdf, text, heic]);
    });
    expect(problems).toEqual([]);
    expect(result.current.map((d) => [d.name, d.type, d.pageCount])).toEqual([
      ['report.pdf', 'application/pdf', 3],
      ['notes.txt', 'text/plain', null],
      ['photo.heic', 'image/heic', null],
    ]);
    // SHA-256("hello")
    expect(result.current[1]?.key).toBe(
      '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',
    );
    expect(getDocumentFile(result.current[0]!.key)).toBe(pdf);
  });

  it('refuses wrong types, empty and oversized files, one problem each', async () => {
    const problems = await documentsActions.filesAdded([
      new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' }),
      new File([], 'empty.pdf', { type: 'application/pdf' }),
      fileOfSize('huge.pdf', 6 * 1024 ** 3),
      new File(['ok'], 'fine.txt', { type: 'text/plain' }),
    ]);
    expect(problems.map((p) => p.name)).toEqual([
      'setup.exe',
      'empty.pdf',
      'huge.pdf',
    ]);
    expect(problems[0]?.reason).toMatch(/not a supported type/);
    expect(problems[1]?.reason).toMatch(/empty/);
    expect(problems[2]?.reason).toMatch(/5 GB/);
    expect(getDocuments().map((d) => d.name)).toEqual(['fine.txt']);
  });

  it('says when the same content is already in the list, under any name', async () => {
    await documentsActions.filesAdded([
      new File(['same'], 'a.txt', { type: 'text/plain' }),
    ]);
    const problems = await documentsActions.filesAdded([
      new File(['same'], 'a.txt', { type: 'text/plain' }),
      new File(['same'], 'copy of a.txt', { type: 'text/plain' }),
    ]);
    expect(problems).toEqual([
      { name: 'a.txt', reason: 'already in the list.' },
      {
        name: 'copy of a.txt',
        reason: 'already in the list (same content as “a.txt”).',
      },
    ]);
    expect(getDocuments()).toHaveLength(1);
  });

  it('keeps one entry when the same file is dropped twice at once', async () => {
    const file = new File(['twice'], 't.txt', { type: 'text/plain' });
    const [first, second] = await Promise.all([
      documentsActions.filesAdded([file]),
      documentsActions.filesAdded([file]),
    ]);
    expect([...(first ?? []), ...(second ?? [])]).toHaveLength(1);
    expect(getDocuments()).toHaveLength(1);
  });

  it('removes one document and clears all', async () => {
    await documentsActions.filesAdded([
      new File(['1'], '1.txt', { type: 'text/plain' }),
      new File(['2'], '2.txt', { type: 'text/plain' }),
    ]);
    documentsActions.removed(getDocuments()[0]!.key);
    expect(getDocuments().map((d) => d.name)).toEqual(['2.txt']);
    documentsActions.cleared();
    expect(getDocuments()).toEqual([]);
  });
});
