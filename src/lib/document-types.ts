/**
 * The document types Reducto accepts (reducto-api.md §2, "Supported
 * types"), PDF first. A file is recognised by its extension first and its
 * MIME type second: browsers leave `type` empty for many formats (HEIC,
 * some Office files on Windows), and a file's name is what people see.
 */
export interface DocumentKind {
  /** Short name shown to people, e.g. "PDF", "Word". */
  label: string;
  /** The MIME type to record when the browser gave none. */
  mime: string;
  extensions: readonly string[];
}

export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  { label: 'PDF', mime: 'application/pdf', extensions: ['.pdf'] },
  { label: 'PNG image', mime: 'image/png', extensions: ['.png'] },
  { label: 'JPEG image', mime: 'image/jpeg', extensions: ['.jpg', '.jpeg'] },
  { label: 'GIF image', mime: 'image/gif', extensions: ['.gif'] },
  { label: 'BMP image', mime: 'image/bmp', extensions: ['.bmp'] },
  { label: 'TIFF image', mime: 'image/tiff', extensions: ['.tif', '.tiff'] },
  { label: 'HEIC image', mime: 'image/heic', extensions: ['.heic'] },
  {
    label: 'Word',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['.docx'],
  },
  { label: 'Word 97-2003', mime: 'application/msword', extensions: ['.doc'] },
  { label: 'Rich Text', mime: 'application/rtf', extensions: ['.rtf'] },
  { label: 'Text', mime: 'text/plain', extensions: ['.txt'] },
  {
    label: 'Excel',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['.xlsx'],
  },
  {
    label: 'Excel 97-2003',
    mime: 'application/vnd.ms-excel',
    extensions: ['.xls'],
  },
  { label: 'CSV', mime: 'text/csv', extensions: ['.csv'] },
  {
    label: 'PowerPoint',
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['.pptx'],
  },
  {
    label: 'PowerPoint 97-2003',
    mime: 'application/vnd.ms-powerpoint',
    extensions: ['.ppt'],
  },
];

/** Other MIME spellings browsers use for the same kinds. */
const MIME_ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/x-ms-bmp': 'image/bmp',
  'image/heif': 'image/heic',
  'text/rtf': 'application/rtf',
  'application/csv': 'text/csv',
  'text/x-csv': 'text/csv',
};

/** Reducto’s presigned-upload ceiling ("up to 5 GB"; S3 single PUT: 5 GiB), as in @/api MAX_UPLOAD_BYTES. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 ** 3;

/** For react-dropzone's `accept` / the file picker's filter. */
export const DOCUMENT_ACCEPT: Record<string, string[]> = Object.fromEntries(
  DOCUMENT_KINDS.map((kind) => [kind.mime, [...kind.extensions]]),
);

/** "PDF, PNG, JPEG, …" for help text. */
export const ACCEPTED_TYPES_TEXT =
  'PDF, PNG, JPEG, GIF, BMP, TIFF, HEIC, DOCX, DOC, RTF, TXT, XLSX, XLS, CSV, PPTX, PPT';

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
};

/** The kind of a file, or null when Reducto does not take it. */
export function detectDocumentKind(file: {
  name: string;
  type: string;
}): DocumentKind | null {
  const extension = extensionOf(file.name);
  const byExtension = DOCUMENT_KINDS.find((kind) =>
    kind.extensions.includes(extension),
  );
  if (byExtension) return byExtension;
  // No known extension (e.g. "scan" with no suffix): trust the MIME type.
  const mime = MIME_ALIASES[file.type] ?? file.type;
  if (extension === '' && mime !== '') {
    return DOCUMENT_KINDS.find((kind) => kind.mime === mime) ?? null;
  }
  return null;
}

/**
 * Why a file cannot be added, in words for the person who chose it, or null
 * when it is acceptable. Checks only what the file's name, type and size
 * tell; duplicates are found by content hash elsewhere.
 */
export function documentProblem(file: {
  name: string;
  type: string;
  size: number;
}): string | null {
  if (!detectDocumentKind(file)) {
    return `not a supported type. Reducto takes ${ACCEPTED_TYPES_TEXT}.`;
  }
  if (file.size === 0) return 'the file is empty (0 bytes).';
  if (file.size > MAX_DOCUMENT_BYTES) {
    return 'larger than Reducto’s 5 GB upload limit.';
  }
  return null;
}
