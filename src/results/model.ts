/**
 * The results model: one plain-data shape for any Reducto response, and the
 * shape of a comparison between two of them.
 *
 * Everything here is plain data (no classes, Maps or Sets) so it survives
 * structured clone to and from a Web Worker and can be stored or exported
 * as JSON. The functions that produce these types:
 *
 * - `normalizeResponse(raw: unknown): NormalizedResult`   (./normalize.ts)
 *   Accepts a PipelineResponse, a bare ParseResponse (or an array of them),
 *   a bare FullResult, an ExtractResponse/V3Extract, a SplitResponse, a
 *   completed JobResponse wrapping any of these, or anything else. Never
 *   throws: an unknown shape gives `kind: 'unknown'`, empty lists and a
 *   warning, and the UI shows the JSON instead.
 *
 * - `compareResults(baseline, candidate): Comparison`     (./compare.ts)
 *   Aligns blocks across two normalised results and diffs blocks, extract
 *   fields, split ranges and metrics. Pure and synchronous.
 *
 * - `diffInWorker(baseline, candidate): Promise<Comparison>` (./diff-client.ts)
 *   The same, in a Web Worker for big inputs; identical output.
 *
 * Helpers: `blockLabel(type)`, `chunkMarkdown(chunk)`, `blockById(result, id)`
 * (./labels.ts, ./lookup.ts).
 */

// ---------------------------------------------------------------- normalised result

/** Which top-level shape the response had. */
export type ResultKind = 'pipeline' | 'parse' | 'extract' | 'split' | 'unknown';

/** Normalised 0..1 page coordinates, origin top-left (as on the wire). */
export interface BlockBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** 'high' | 'low' as sent by the API; null when absent or unrecognised. */
export type BlockConfidence = 'high' | 'low' | null;

export interface NormalizedBlock {
  /**
   * Stable within one result: `d{doc}-c{chunk}-b{index}`, e.g. 'd0-c3-b12'
   * (chunk index within its document, block index within its chunk).
   */
  id: string;
  docIndex: number;
  /** Chunk index within its document. */
  chunkIndex: number;
  /** Block index within its chunk. */
  index: number;
  /** Position in `NormalizedResult.blocks` (reading order of the whole result). */
  order: number;
  /** Block type as sent (open set: 'Text', 'Table', 'Section Header', …). */
  type: string;
  /** The block's content (Markdown/HTML for tables), as sent. */
  text: string;
  /**
   * 1-based page of the SOURCE document: `bbox.original_page` when present,
   * else `bbox.page`. Use this to draw on the PDF, for page navigation and
   * for alignment.
   */
  page: number;
  /** `bbox.page` exactly as reported (page of the processed output). */
  processedPage: number;
  /** Null when the block came without a usable bounding box. */
  box: BlockBox | null;
  confidence: BlockConfidence;
  /** `granular_confidence.parse_confidence` when present. */
  parseConfidence: number | null;
  /** `granular_confidence.extract_confidence` when present. */
  extractConfidence: number | null;
  /** The block object as received (for the JSON view and extras such as image_url). */
  raw: Readonly<Record<string, unknown>>;
}

export interface NormalizedChunk {
  /** `d{doc}-c{chunk}`, e.g. 'd0-c3'. */
  id: string;
  docIndex: number;
  /** Chunk index within its document. */
  index: number;
  /** Markdown as sent (tables as HTML or Markdown). Untrusted: sanitise before rendering. */
  content: string;
  embed: string;
  enriched: string | null;
  blockIds: string[];
  /** Distinct source pages of its blocks, ascending. */
  pages: number[];
}

/** Per parse response: one for a single document, several for multi-document input. */
export interface NormalizedDocument {
  index: number;
  jobId: string | null;
  durationSec: number | null;
  /** `usage.num_pages`. */
  pageCount: number | null;
  credits: number | null;
  pdfUrl: string | null;
  /** 'url' = a URL result that was not fetched (no chunks); 'missing' = no result at all. */
  resultType: 'full' | 'url' | 'missing';
  /** Set when resultType is 'url'. */
  resultUrl: string | null;
  chunkIds: string[];
  blockCount: number;
}

/** The blocks found on one source page of one document. */
export interface PageInfo {
  docIndex: number;
  /** 1-based source page (see NormalizedBlock.page). */
  page: number;
  /** In reading order. */
  blockIds: string[];
}

/** Where an extracted value was read from. */
export interface FieldCitation {
  /** 1-based source page (original_page when present), null if unknown. */
  page: number | null;
  box: BlockBox | null;
  text: string | null;
  type: string | null;
  confidence: BlockConfidence;
}

/** A primitive leaf value of an extract result. Empty objects/arrays are leaves too. */
export type FieldValue =
  string | number | boolean | null | [] | Record<string, never>;

export interface ExtractField {
  /**
   * Unique key of the field within the result, used to match fields across
   * versions. Plain results: 'invoice.lines[0].amount'. Extract→split lists
   * prefix the split: 'Invoice › invoice.total' (a duplicate split name gets
   * '#2', a partition '(partition)': 'Invoice (acme)#2 › total').
   * When `result` holds several objects (rare), each is prefixed '[i].'.
   */
  path: string;
  /** The path inside the extract result (without the split prefix). */
  fieldPath: string;
  /** The split key for extract→split lists, else null. */
  splitName: string | null;
  value: FieldValue;
  /** Empty when the result carried no citations. */
  citations: FieldCitation[];
}

export interface SplitPartitionRange {
  name: string;
  pages: number[];
  conf: 'high' | 'low' | null;
}

export interface SplitRange {
  /** Unique: the name, with '#2', '#3' appended to repeats. Used to match across versions. */
  key: string;
  name: string;
  /** 1-based pages, ascending, distinct. */
  pages: number[];
  conf: 'high' | 'low' | null;
  partitions: SplitPartitionRange[];
}

export interface ResultMetrics {
  /** Sum of the parse durations in seconds; null when none reported. */
  durationSec: number | null;
  /** `usage.num_pages` of the response (sum over documents for bare parse arrays). */
  pages: number | null;
  credits: number | null;
  chunkCount: number;
  blockCount: number;
  /** Count per block type. */
  blocksByType: Record<string, number>;
  /** Blocks whose confidence is 'low'. */
  lowConfidenceCount: number;
  /** Extract leaf fields (0 without extract). */
  fieldCount: number;
}

export interface NormalizedResult {
  kind: ResultKind;
  documents: NormalizedDocument[];
  /** All documents' blocks, flattened, in reading order (document, chunk, block). */
  blocks: NormalizedBlock[];
  /** Block id → position in `blocks`. */
  blockIndexById: Record<string, number>;
  chunks: NormalizedChunk[];
  /** Pages that have blocks, sorted by document then page. */
  pages: PageInfo[];
  /** Null when the response has no extract. */
  extract: ExtractField[] | null;
  /** Null when the response has no split. */
  split: SplitRange[] | null;
  metrics: ResultMetrics;
  /** True when some parse result was `{type: 'url'}` and was not fetched. */
  unresolvedUrlResults: boolean;
  /** Human-readable notes about anything skipped or odd; never contains the key. */
  warnings: string[];
}

// ---------------------------------------------------------------- comparison

/** What differs about a matched block; a block may carry several. */
export type BlockChange = 'changed' | 'retyped' | 'moved';

/**
 * Primary status of a block diff. For matched blocks with several changes
 * the primary one is, in this order: changed, retyped, moved.
 */
export type BlockStatus =
  'unchanged' | 'changed' | 'retyped' | 'moved' | 'added' | 'removed';

export interface DiffSegment {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface BlockDiff {
  status: BlockStatus;
  /** All changes of a matched block (empty for unchanged, added, removed). */
  changes: BlockChange[];
  /** Null for removed blocks. */
  candidateId: string | null;
  /** Null for added blocks. */
  baselineId: string | null;
  docIndex: number;
  /** Candidate page; the baseline page for removed blocks. */
  page: number;
  /** Baseline page of the matched/removed block, else null. */
  baselinePage: number | null;
  /** Word-level diff baseline → candidate, only when 'changed' is among the changes. */
  segments: DiffSegment[] | null;
  /** Token similarity of the texts 0..1 (1 for equal text, 0 for added/removed). */
  similarity: number;
}

export type FieldStatus = 'unchanged' | 'changed' | 'added' | 'removed';

export interface FieldDiff {
  path: string;
  fieldPath: string;
  splitName: string | null;
  status: FieldStatus;
  /** Undefined when added. */
  oldValue: FieldValue | undefined;
  /** Undefined when removed. */
  newValue: FieldValue | undefined;
  /** Both sides present and the cited pages differ. Informational, not counted. */
  citationsChanged: boolean;
}

export type SplitStatus = 'unchanged' | 'changed' | 'added' | 'removed';

export interface SplitDiff {
  key: string;
  name: string;
  status: SplitStatus;
  oldPages: number[] | null;
  newPages: number[] | null;
  /** Pages in the candidate range but not in the baseline one. */
  pagesAdded: number[];
  pagesRemoved: number[];
  /** Confidence or partitions differ (also makes the status 'changed'). */
  confChanged: boolean;
  partitionsChanged: boolean;
}

/**
 * Block counts are by flag: a retyped and changed block counts in both
 * `changed` and `retyped`. `differences` counts block diffs whose status is
 * not 'unchanged' (each block once).
 */
export interface DiffCounts {
  unchanged: number;
  changed: number;
  retyped: number;
  moved: number;
  added: number;
  removed: number;
  differences: number;
  fieldsUnchanged: number;
  fieldsChanged: number;
  fieldsAdded: number;
  fieldsRemoved: number;
  splitsChanged: number;
  splitsAdded: number;
  splitsRemoved: number;
}

/** candidate − baseline; null when either side is unknown. */
export interface MetricDeltas {
  durationSec: number | null;
  pages: number | null;
  credits: number | null;
  chunkCount: number;
  blockCount: number;
  lowConfidenceCount: number;
  fieldCount: number;
  /** Every type present on either side. */
  blocksByType: Record<string, number>;
}

export interface Comparison {
  /** Candidate reading order; removed blocks sit at their baseline position. */
  blockDiffs: BlockDiff[];
  /** candidate block id → baseline block id (matched blocks only). */
  matchByCandidateId: Record<string, string>;
  /** baseline block id → candidate block id. */
  matchByBaselineId: Record<string, string>;
  /** candidate block id → index in blockDiffs. */
  diffIndexByCandidateId: Record<string, number>;
  /** baseline block id → index in blockDiffs (matched and removed). */
  diffIndexByBaselineId: Record<string, number>;
  /** Candidate field order; a removed field sits before the next baseline field that still exists (or at the end). Empty when neither has extract. */
  extractDiffs: FieldDiff[];
  /** Candidate split order; removed splits at the end. */
  splitDiffs: SplitDiff[];
  counts: DiffCounts;
  metricDeltas: MetricDeltas;
  /** Source pages of document 0 with any block difference (both sides' pages of moves), ascending. */
  pagesWithDifferences: number[];
  /** The same per document index. */
  pagesWithDifferencesByDoc: number[][];
}
