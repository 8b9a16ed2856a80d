/**
 * The local File of the compared document, when this tab still has it
 * (Files live in memory only). Placeholder until the documents store lands:
 * it returns null, and the view falls back to the result's pdf_url.
 */
export function useDocumentFile(_documentKey: string | null): File | null {
  return null;
}
