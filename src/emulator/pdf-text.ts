/**
 * Reads a PDF's own text with pdf.js and groups it into positioned lines.
 *
 * Coordinates: pdf.js reports text in PDF user space (origin bottom-left, y
 * up). The viewport converts points to page space with the origin at the
 * TOP-LEFT (and applies /Rotate); every box here is normalised 0..1 in that
 * space, the way Reducto reports bounding boxes.
 *
 * The box of a line spans from 0.2 x font size below the baseline to 0.8 x
 * font size above it: a fixed rule, so boxes are stable and predictable.
 */
import type {
  PdfjsGetDocumentParams,
  PdfjsModule,
  PdfjsTextItem,
} from './types';

export interface TextLine {
  text: string;
  /** Normalised 0..1 from the top-left of the page. */
  left: number;
  top: number;
  width: number;
  height: number;
  /** In PDF points. */
  fontSize: number;
  /** 1-based. */
  page: number;
}

export interface PageText {
  /** 1-based. */
  page: number;
  /** In points, after rotation. */
  width: number;
  height: number;
  lines: TextLine[];
}

export interface DocumentText {
  pages: PageText[];
}

/** Thrown when the document needs a password (none, or a wrong one, given). */
export class PdfPasswordError extends Error {
  readonly incorrect: boolean;
  constructor(incorrect: boolean) {
    super(
      incorrect
        ? 'The supplied document_password is incorrect'
        : 'Document is password protected; supply settings.document_password',
    );
    this.name = 'PdfPasswordError';
    this.incorrect = incorrect;
  }
}

/** Thrown when the bytes are not a readable PDF; the message is user-facing. */
export class UnreadableDocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableDocumentError';
  }
}

const ASCENT = 0.8;
const DESCENT = 0.2;

function startsWith(bytes: Uint8Array, signature: number[], offset = 0) {
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

function ascii(text: string) {
  return Array.from(text, (char) => char.charCodeAt(0));
}

/** Finds `%PDF-` in the first KiB (the spec allows leading junk). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const signature = ascii('%PDF-');
  const end = Math.min(bytes.length - signature.length, 1024);
  for (let i = 0; i <= end; i++) {
    if (startsWith(bytes, signature, i)) return true;
  }
  return false;
}

/** A short human description of what non-PDF bytes look like. */
export function describeFileType(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'an empty file';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'a PNG image';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'a JPEG image';
  if (startsWith(bytes, ascii('GIF8'))) return 'a GIF image';
  if (
    startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])
  ) {
    return 'a TIFF image';
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return 'a ZIP-based file (e.g. DOCX, XLSX or PPTX)';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return 'a legacy Office file (DOC, XLS or PPT)';
  }
  if (startsWith(bytes, ascii('{\\rtf'))) return 'an RTF document';
  const sample = bytes.subarray(0, 4096);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(sample);
  } catch {
    return 'binary data of an unknown type';
  }
  const trimmed = text.trimStart().toLowerCase();
  if (trimmed.startsWith('<!doctype html') || trimmed.startsWith('<html')) {
    return 'an HTML page';
  }
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return 'JSON text';
  return 'plain text';
}

function isTextItem(item: unknown): item is PdfjsTextItem {
  return (
    typeof item === 'object' &&
    item !== null &&
    typeof (item as PdfjsTextItem).str === 'string' &&
    Array.isArray((item as PdfjsTextItem).transform)
  );
}

interface PlacedItem {
  text: string;
  /** Page space (top-left origin, points). */
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  baseline: number;
  fontSize: number;
}

function place(
  item: PdfjsTextItem,
  convert: (x: number, y: number) => number[],
): PlacedItem | null {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform;
  const fontSize = item.height > 0 ? item.height : Math.hypot(c, d);
  if (!(fontSize > 0)) return null;
  // Unit vectors along and across the text direction (handles rotated text).
  const scaleX = Math.hypot(a, b) || 1;
  const ux = a / scaleX;
  const uy = b / scaleX;
  const corners = [
    [e - DESCENT * fontSize * -uy, f - DESCENT * fontSize * ux],
    [e + ASCENT * fontSize * -uy, f + ASCENT * fontSize * ux],
  ].flatMap(([x = 0, y = 0]) => [
    [x, y],
    [x + item.width * ux, y + item.width * uy],
  ]);
  const points = corners.map(([x = 0, y = 0]) => convert(x, y));
  const xs = points.map((p) => p[0] ?? 0);
  const ys = points.map((p) => p[1] ?? 0);
  const [, baseline = 0] = convert(e, f);
  return {
    text: item.str,
    x0: Math.min(...xs),
    x1: Math.max(...xs),
    top: Math.min(...ys),
    bottom: Math.max(...ys),
    baseline,
    fontSize,
  };
}

/**
 * Groups items (in content-stream order) into lines: same baseline, moving
 * rightwards, no wide gap. A wide gap starts a new line so that text in two
 * columns, or a footer and a page number on one baseline, stay apart.
 */
function groupLines(items: PlacedItem[]): PlacedItem[] {
  const lines: PlacedItem[] = [];
  let current: PlacedItem | null = null;
  for (const item of items) {
    if (current) {
      const size = Math.max(current.fontSize, item.fontSize);
      const sameBaseline =
        Math.abs(item.baseline - current.baseline) < 0.35 * size;
      const gap = item.x0 - current.x1;
      if (sameBaseline && gap > -0.5 * size && gap < 2 * size) {
        const joiner =
          gap > 0.15 * size &&
          !current.text.endsWith(' ') &&
          !item.text.startsWith(' ')
            ? ' '
            : '';
        current.text += joiner + item.text;
        current.x1 = Math.max(current.x1, item.x1);
        current.top = Math.min(current.top, item.top);
        current.bottom = Math.max(current.bottom, item.bottom);
        current.fontSize = Math.max(current.fontSize, item.fontSize);
        continue;
      }
      lines.push(current);
    }
    current = { ...item };
  }
  if (current) lines.push(current);
  return lines;
}

function clamp01(value: number) {
  return Math.min(1, Math.max(0, value));
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

function normalise(line: PlacedItem, page: number, w: number, h: number) {
  const left = clamp01(line.x0 / w);
  const top = clamp01(line.top / h);
  return {
    text: line.text.replace(/\s+/g, ' ').trim(),
    left: round(left),
    top: round(top),
    width: round(clamp01(line.x1 / w) - left),
    height: round(clamp01(line.bottom / h) - top),
    fontSize: Math.round(line.fontSize * 100) / 100,
    page,
  };
}

function passwordErrorCode(error: unknown): number | null {
  if (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'PasswordException'
  ) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'number' ? code : 1;
  }
  return null;
}

export interface ReadPdfOptions {
  password?: string;
  params?: Partial<PdfjsGetDocumentParams>;
}

/** Reads every page's text lines. Throws PdfPasswordError or UnreadableDocumentError. */
export async function readPdfText(
  pdfjs: PdfjsModule,
  bytes: Uint8Array,
  name: string,
  options: ReadPdfOptions = {},
): Promise<DocumentText> {
  if (!looksLikePdf(bytes)) {
    throw new UnreadableDocumentError(
      `The emulator can only read PDF files; ${name} looks like ${describeFileType(bytes)}.`,
    );
  }
  let doc;
  try {
    doc = await pdfjs.getDocument({
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
      ...options.params,
      // pdf.js detaches the buffer it is given: hand it a copy.
      data: bytes.slice(),
      ...(options.password !== undefined ? { password: options.password } : {}),
    }).promise;
  } catch (error) {
    const code = passwordErrorCode(error);
    // pdf.js: 1 = NEED_PASSWORD, 2 = INCORRECT_PASSWORD.
    if (code !== null) throw new PdfPasswordError(code === 2);
    const detail = error instanceof Error ? error.message : String(error);
    throw new UnreadableDocumentError(
      `The emulator could not read ${name} as a PDF: ${detail}`,
    );
  }
  try {
    const pages: PageText[] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const convert = (x: number, y: number) =>
        viewport.convertToViewportPoint(x, y);
      const placed: PlacedItem[] = [];
      for (const item of content.items) {
        if (!isTextItem(item) || item.str.length === 0) continue;
        const positioned = place(item, convert);
        if (positioned) placed.push(positioned);
      }
      const lines = groupLines(placed)
        .map((line) => normalise(line, number, viewport.width, viewport.height))
        .filter((line) => line.text.length > 0);
      pages.push({
        page: number,
        width: viewport.width,
        height: viewport.height,
        lines,
      });
      page.cleanup();
    }
    if (pages.every((page) => page.lines.length === 0)) {
      throw new UnreadableDocumentError(
        `The emulator found no text in ${name}: it reads a PDF's text layer and cannot OCR scanned pages (the real API can).`,
      );
    }
    return { pages };
  } catch (error) {
    if (error instanceof UnreadableDocumentError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new UnreadableDocumentError(
      `The emulator could not read ${name} as a PDF: ${detail}`,
    );
  } finally {
    await doc.destroy();
  }
}
