import { create } from 'zustand';
import { detectDocumentKind, documentProblem } from '@/lib/document-types';
import { sha256Hex } from '@/lib/hash-file';
import { countPdfPages } from '@/lib/pdf-page-count';

/**
 * The documents of the next run. In memory only: `File` objects cannot be
 * stored, and a reload asks for the files again (their results stay in the
 * run history). A document's identity is the SHA-256 of its content, so
 * the same file under two names is one document.
 */

export interface DocumentEntry {
  /** SHA-256 of the content, lower-case hex. */
  key: string;
  name: string;
  size: number;
  /** The MIME type (from the browser, or from the extension when empty). */
  type: string;
  /** PDF page count; null when unknown or not a PDF. */
  pageCount: number | null;
  file: File;
}

/** A file that was not added, and why, for a message per file. */
export interface FileProblem {
  name: string;
  reason: string;
}

interface DocumentsState {
  documents: DocumentEntry[];
  /** Files being read (hashed, pages counted) right now. */
  reading: number;
}

const useDocumentsStore = create<DocumentsState>()(() => ({
  documents: [],
  reading: 0,
}));

export const useDocuments = () => useDocumentsStore((s) => s.documents);
export const useDocumentsReading = () => useDocumentsStore((s) => s.reading);

export const getDocuments = (): DocumentEntry[] =>
  useDocumentsStore.getState().documents;

export const getDocumentFile = (key: string): File | undefined =>
  getDocuments().find((d) => d.key === key)?.file;

const findByKey = (key: string) => getDocuments().find((d) => d.key === key);

const duplicateReason = (existing: DocumentEntry, name: string) =>
  existing.name === name
    ? 'already in the list.'
    : `already in the list (same content as “${existing.name}”).`;

async function readEntry(file: File): Promise<DocumentEntry | FileProblem> {
  const problem = documentProblem(file);
  if (problem) return { name: file.name, reason: problem };
  const kind = detectDocumentKind(file);
  try {
    const key = await sha256Hex(file);
    const pageCount =
      kind?.mime === 'application/pdf' ? await countPdfPages(file) : null;
    return {
      key,
      name: file.name,
      size: file.size,
      type: file.type || kind?.mime || 'application/octet-stream',
      pageCount,
      file,
    };
  } catch {
    return {
      name: file.name,
      reason:
        'could not be read (was it moved or deleted, or is access denied?).',
    };
  }
}

const isProblem = (x: DocumentEntry | FileProblem): x is FileProblem =>
  'reason' in x;

export const documentsActions = {
  /**
   * Checks, hashes and adds files in the order given. Resolves with one
   * problem per file that was not added (wrong type, empty, over 5 GB,
   * unreadable, or already in the list).
   */
  async filesAdded(files: File[]): Promise<FileProblem[]> {
    const problems: FileProblem[] = [];
    useDocumentsStore.setState((s) => ({ reading: s.reading + files.length }));
    // readEntry never throws, so the counter always comes back down.
    for (const file of files) {
      const entry = await readEntry(file);
      useDocumentsStore.setState((s) => ({ reading: s.reading - 1 }));
      if (isProblem(entry)) {
        problems.push(entry);
        continue;
      }
      // Checked on insert, so two drops of the same file at once still
      // give one entry.
      const existing = findByKey(entry.key);
      if (existing) {
        problems.push({
          name: file.name,
          reason: duplicateReason(existing, file.name),
        });
        continue;
      }
      useDocumentsStore.setState((s) => ({
        documents: [...s.documents, entry],
      }));
    }
    return problems;
  },
  removed(key: string) {
    useDocumentsStore.setState((s) => ({
      documents: s.documents.filter((d) => d.key !== key),
    }));
  },
  cleared() {
    useDocumentsStore.setState({ documents: [] });
  },
};

/** Empties the list (tests). */
export function resetDocumentsStore() {
  useDocumentsStore.setState({ documents: [], reading: 0 });
}
