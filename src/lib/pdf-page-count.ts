import { readBlob } from './read-blob';

/**
 * Counts a PDF's pages without pdf.js (which is large and loaded only when
 * a page is drawn): find the document catalog, follow it to the root of the
 * page tree and read its /Count. Page-tree objects packed into compressed
 * object streams (PDF 1.5+, the default of most modern writers) are
 * inflated with the platform's DecompressionStream. Anything unusual
 * (encrypted object streams, exotic filters, damage) gives `null`: the UI
 * then says "page count unknown" rather than a wrong number.
 */

/** Above this size the count is not attempted (the whole file is read). */
export const PAGE_COUNT_MAX_BYTES = 100 * 1000 * 1000;

interface PdfObject {
  /** The object's text up to its stream (if any): the dictionary. */
  dict: string;
}

const OBJECT_HEADER = /(\d+)\s+(\d+)\s+obj\b/g;

export async function countPdfPages(
  blob: Blob,
  maxBytes = PAGE_COUNT_MAX_BYTES,
): Promise<number | null> {
  if (blob.size === 0 || blob.size > maxBytes) return null;
  try {
    const bytes = new Uint8Array(await readBlob(blob));
    // latin1 maps every byte to one character, so string offsets are byte
    // offsets and binary stream data survives the round trip.
    const text = new TextDecoder('latin1').decode(bytes);
    if (!text.slice(0, 1024).includes('%PDF-')) return null;
    const objects = await readObjects(text, bytes);
    return pagesFromCatalog(objects) ?? pagesFromTreeRoots(objects);
  } catch {
    return null;
  }
}

async function readObjects(
  text: string,
  bytes: Uint8Array,
): Promise<Map<number, PdfObject>> {
  // Later definitions win: incremental updates append new versions.
  const objects = new Map<number, PdfObject>();
  for (const match of text.matchAll(OBJECT_HEADER)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) continue;
    const streamAt = text.indexOf('stream', start);
    const hasStream = streamAt >= 0 && streamAt < end;
    const dict = text.slice(start, hasStream ? streamAt : end);
    objects.set(Number(match[1]), { dict });
    if (hasStream && /\/Type\s*\/ObjStm\b/.test(dict)) {
      const data = streamData(text, bytes, dict, streamAt, end);
      for (const [number, inner] of await unpackObjectStream(dict, data)) {
        objects.set(number, inner);
      }
    }
  }
  return objects;
}

function streamData(
  text: string,
  bytes: Uint8Array,
  dict: string,
  streamAt: number,
  objectEnd: number,
): Uint8Array {
  let dataStart = streamAt + 'stream'.length;
  if (text[dataStart] === '\r') dataStart++;
  if (text[dataStart] === '\n') dataStart++;
  const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
  if (length) return bytes.subarray(dataStart, dataStart + Number(length[1]));
  // Indirect /Length: end at "endstream", minus the end-of-line before it.
  let dataEnd = text.lastIndexOf('endstream', objectEnd);
  if (text[dataEnd - 1] === '\n') dataEnd--;
  if (text[dataEnd - 1] === '\r') dataEnd--;
  return bytes.subarray(dataStart, dataEnd);
}

async function unpackObjectStream(
  dict: string,
  data: Uint8Array,
): Promise<Map<number, PdfObject>> {
  const found = new Map<number, PdfObject>();
  const count = Number(/\/N\s+(\d+)/.exec(dict)?.[1] ?? NaN);
  const first = Number(/\/First\s+(\d+)/.exec(dict)?.[1] ?? NaN);
  if (!Number.isInteger(count) || !Number.isInteger(first)) return found;
  const filter = /\/Filter\s*\[?\s*\/(\w+)/.exec(dict)?.[1];
  // Predictors are unusual for object streams; don't guess at them.
  if (/\/DecodeParms/.test(dict)) return found;
  let plain: Uint8Array;
  if (filter === undefined) plain = data;
  else if (filter === 'FlateDecode') plain = await inflate(data);
  else return found;
  const content = new TextDecoder('latin1').decode(plain);
  const header = content.slice(0, first).trim().split(/\s+/).map(Number);
  for (let i = 0; i < count; i++) {
    const number = header[i * 2];
    const offset = header[i * 2 + 1];
    if (number === undefined || offset === undefined) break;
    const next = header[i * 2 + 3];
    const body = content.slice(
      first + offset,
      next === undefined ? undefined : first + next,
    );
    found.set(number, { dict: body });
  }
  return found;
}

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const body = new Response(new Uint8Array(data)).body;
  if (!body) throw new Error('No stream to inflate.');
  const inflated = body.pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(inflated).arrayBuffer());
}

const isPagesNode = (dict: string) => /\/Type\s*\/Pages\b/.test(dict);
const countOf = (dict: string) => {
  const match = /\/Count\s+(\d+)/.exec(dict);
  return match ? Number(match[1]) : null;
};

function pagesFromCatalog(objects: Map<number, PdfObject>): number | null {
  let result: number | null = null;
  for (const { dict } of objects.values()) {
    if (!/\/Type\s*\/Catalog\b/.test(dict)) continue;
    const ref = /\/Pages\s+(\d+)\s+\d+\s+R/.exec(dict);
    const root = ref ? objects.get(Number(ref[1])) : undefined;
    if (root && isPagesNode(root.dict)) result = countOf(root.dict) ?? result;
  }
  return result;
}

/** No usable catalog: the largest /Count of a page-tree root, if any. */
function pagesFromTreeRoots(objects: Map<number, PdfObject>): number | null {
  let best: number | null = null;
  for (const { dict } of objects.values()) {
    if (!isPagesNode(dict) || /\/Parent\s/.test(dict)) continue;
    const count = countOf(dict);
    if (count !== null && (best === null || count > best)) best = count;
  }
  return best;
}
