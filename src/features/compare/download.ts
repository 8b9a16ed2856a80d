/** Saves text as a file through a temporary object URL. */
export function downloadText(
  fileName: string,
  text: string,
  mimeType: string,
): void {
  // A BOM lets spreadsheet apps read UTF-8 CSV (symbols such as "−").
  const parts = mimeType.startsWith('text/csv') ? ['\uFEFF', text] : [text];
  const url = URL.createObjectURL(new Blob(parts, { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
