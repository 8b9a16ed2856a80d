import { useDocuments } from '@/store/documents-store';

/**
 * The local PDF of the compared document, when this tab still has it
 * (Files live in memory only: after a reload the view falls back to the
 * result's pdf_url). Other formats (images, Office files) are not drawn
 * from the local file: the result's converted PDF is what the boxes refer to.
 */
export function useDocumentFile(documentKey: string | null): File | null {
  const documents = useDocuments();
  if (documentKey === null) return null;
  const entry = documents.find((d) => d.key === documentKey);
  if (!entry) return null;
  const isPdf = entry.type === 'application/pdf' || /\.pdf$/i.test(entry.name);
  return isPdf ? entry.file : null;
}
