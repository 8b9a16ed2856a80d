import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_ACCEPT,
  MAX_DOCUMENT_BYTES,
  detectDocumentKind,
  documentProblem,
} from './document-types';

const file = (name: string, type = '', size = 10) => ({ name, type, size });

describe('detectDocumentKind', () => {
  it.each([
    ['report.pdf', 'PDF'],
    ['REPORT.PDF', 'PDF'],
    ['scan.jpeg', 'JPEG image'],
    ['scan.JPG', 'JPEG image'],
    ['photo.heic', 'HEIC image'],
    ['fax.tif', 'TIFF image'],
    ['memo.docx', 'Word'],
    ['old.doc', 'Word 97-2003'],
    ['notes.rtf', 'Rich Text'],
    ['notes.txt', 'Text'],
    ['book.xlsx', 'Excel'],
    ['book.xls', 'Excel 97-2003'],
    ['rows.csv', 'CSV'],
    ['deck.pptx', 'PowerPoint'],
    ['deck.ppt', 'PowerPoint 97-2003'],
  ])('%s is a %s', (name, label) => {
    expect(detectDocumentKind(file(name))?.label).toBe(label);
  });

  it('uses the MIME type when the name has no extension', () => {
    expect(detectDocumentKind(file('scan', 'application/pdf'))?.label).toBe(
      'PDF',
    );
    expect(detectDocumentKind(file('photo', 'image/jpg'))?.label).toBe(
      'JPEG image',
    );
  });

  it('refuses unknown extensions even with an accepted MIME type', () => {
    // A ".exe" labelled application/pdf is not trusted as a PDF.
    expect(detectDocumentKind(file('setup.exe', 'application/pdf'))).toBeNull();
    expect(detectDocumentKind(file('song.mp3', 'audio/mpeg'))).toBeNull();
    expect(detectDocumentKind(file('noext', ''))).toBeNull();
  });
});

describe('documentProblem', () => {
  it('accepts a normal PDF', () => {
    expect(documentProblem(file('a.pdf', 'application/pdf', 1234))).toBeNull();
  });

  it('explains each refusal', () => {
    expect(documentProblem(file('a.zip', 'application/zip'))).toMatch(
      /not a supported type/,
    );
    expect(documentProblem(file('a.pdf', 'application/pdf', 0))).toMatch(
      /empty/,
    );
    expect(
      documentProblem(file('a.pdf', 'application/pdf', MAX_DOCUMENT_BYTES + 1)),
    ).toMatch(/5 GB/);
    expect(
      documentProblem(file('a.pdf', 'application/pdf', MAX_DOCUMENT_BYTES)),
    ).toBeNull();
  });

  it('lists PDF first in the picker filter', () => {
    expect(Object.keys(DOCUMENT_ACCEPT)[0]).toBe('application/pdf');
  });
});
