/**
 * Reducto API request and response types.
 *
 * Hand-written from the official OpenAPI spec (shared/reference/reducto-openapi.json,
 * v1.11.57) and shared/docs/reducto-api.md, field for field. Generation was
 * rejected: the spec's unions are wide and its `anyOf` nesting produced types
 * that were harder to read than the source. Every object tolerates unknown
 * extra fields (later servers add `response_type`, `parse_mode`, …), and block
 * types are an open set.
 */

/** Unknown extra keys are allowed on every response object. */
export interface Extensible {
  [extra: string]: unknown;
}

// ---------------------------------------------------------------- upload

export interface UploadResponse extends Extensible {
  /** `reducto://<uuid>.pdf` (direct) or `reducto://<uuid>` (presigned). */
  file_id: string;
  /** Null for a direct upload; an S3 PUT URL for the presigned flow. */
  presigned_url?: string | null;
}

/** What a pipeline accepts as `input`. */
export type PipelineInput = string | string[] | UploadResponse;

// ---------------------------------------------------------------- pipeline

export interface PipelineSettings {
  /** The only pipeline setting (additionalProperties: false on the server). */
  document_password?: string | null;
}

export interface PipelineRunParams {
  input: PipelineInput;
  pipeline_id: string;
  settings?: PipelineSettings;
}

export interface AsyncConfigV3 {
  metadata?: unknown;
  priority?: boolean;
  webhook?:
    | { mode?: 'svix'; channels?: string[] }
    | { mode?: 'direct'; url: string }
    | null;
}

export interface PipelineRunJobParams extends PipelineRunParams {
  async?: AsyncConfigV3;
}

export interface AsyncJobCreated extends Extensible {
  job_id: string;
}

// ---------------------------------------------------------------- parse

/** Known block types; the set is open (r-1 may add more). */
export type KnownBlockType =
  | 'Header'
  | 'Footer'
  | 'Title'
  | 'Section Header'
  | 'Page Number'
  | 'List Item'
  | 'Figure'
  | 'Table'
  | 'Key Value'
  | 'Text'
  | 'Comment'
  | 'Signature';
export type BlockType = KnownBlockType | (string & {});

/** Normalised 0..1 from the top-left; pages are 1-based. */
export interface BoundingBox extends Extensible {
  left: number;
  top: number;
  width: number;
  height: number;
  page: number;
  original_page?: number;
}

export interface GranularConfidence extends Extensible {
  extract_confidence?: number | null;
  parse_confidence?: number | null;
}

export interface Block extends Extensible {
  type: BlockType;
  bbox: BoundingBox;
  content: string;
  image_url?: string | null;
  chart_data?: string[] | null;
  /** "low" | "high" on the wire. */
  confidence?: string | null;
  granular_confidence?: GranularConfidence | null;
  extra?: Record<string, unknown> | null;
}

export interface Chunk extends Extensible {
  /** Markdown; tables as HTML or Markdown depending on the pipeline. */
  content: string;
  embed: string;
  enriched: string | null;
  enrichment_success?: boolean;
  blocks: Block[];
}

export interface OcrItem extends Extensible {
  bbox: BoundingBox;
  text: string;
  chunk_index?: number | null;
  confidence?: number | null;
  rotation?: number | null;
}

export interface FullResult extends Extensible {
  type: 'full';
  chunks: Chunk[];
  ocr?: { words: OcrItem[]; lines: OcrItem[] } | null;
  custom?: unknown;
}

export interface UrlResult extends Extensible {
  type: 'url';
  url: string;
  result_id: string;
}

export interface ParseUsage extends Extensible {
  num_pages: number;
  credits?: number | null;
  credit_breakdown?: Record<string, number> | null;
  page_billing_breakdown?: Record<string, string[]> | null;
  non_empty_cell_count?: number | null;
}

export interface ParseResponse extends Extensible {
  response_type?: 'parse';
  job_id: string;
  /** Seconds. */
  duration: number;
  pdf_url?: string | null;
  studio_link?: string | null;
  usage: ParseUsage;
  result: FullResult | UrlResult;
}

// ---------------------------------------------------------------- extract

export interface ExtractUsage extends Extensible {
  num_pages: number;
  num_fields: number;
  credits?: number | null;
  extract_mode?: 'super_agent' | 'extract' | 'spreadsheet_agent' | null;
}

/** Extract without citations: `result` is a list of schema objects. */
export interface ExtractResponse extends Extensible {
  response_type?: 'extract';
  job_id?: string | null;
  result: unknown[];
  citations: unknown[] | null;
  usage: ExtractUsage;
  studio_link?: string | null;
}

/**
 * Extract with citations (V3): `result` is an object whose every leaf is
 * `{ value, citations: Citation[] }`.
 */
export interface V3Extract extends Extensible {
  response_type?: 'v3_extract';
  job_id?: string | null;
  result: unknown;
  usage: ExtractUsage;
  studio_link?: string | null;
}

/** A citation leaf as observed on the wire (not in the spec). */
export interface Citation extends Extensible {
  type?: BlockType;
  bbox?: BoundingBox;
  content?: string;
  confidence?: string | null;
  granular_confidence?: GranularConfidence | null;
}

export interface CitedValue extends Extensible {
  value: unknown;
  citations: Citation[];
}

/** Extract -> Split pipelines: one extract result per split. */
export interface ExtractSplitItem extends Extensible {
  split_name: string;
  /** 1-based pages. */
  page_range: number[];
  partition?: string | null;
  result: ExtractResponse | V3Extract;
}

// ---------------------------------------------------------------- split

export interface SplitPartition extends Extensible {
  name: string;
  pages: number[];
  conf?: 'high' | 'low';
}

export interface SplitEntry extends Extensible {
  name: string;
  /** 1-based pages. */
  pages: number[];
  conf?: 'high' | 'low';
  partitions?: SplitPartition[] | null;
}

export interface SplitResult extends Extensible {
  section_mapping: Record<string, number[]> | null;
  splits: SplitEntry[];
}

export interface DeepSplitPageEvidence extends Extensible {
  page_number: number;
  evidence: string;
  confidence?: 'high' | 'medium' | 'low' | null;
}

export interface DeepSplitResult extends Extensible {
  splits: {
    name: string;
    pages: DeepSplitPageEvidence[];
    partitions?: { name: string; pages: DeepSplitPageEvidence[] }[] | null;
  }[];
}

export interface SplitResponse extends Extensible {
  response_type?: 'split';
  usage: ParseUsage;
  result: SplitResult | DeepSplitResult;
}

// ---------------------------------------------------------------- edit

export interface EditResponse extends Extensible {
  response_type?: 'edit';
  document_url: string;
  form_schema?: unknown[] | null;
  usage?: ParseUsage | null;
}

// ---------------------------------------------------------------- pipeline response

export interface PipelineResult extends Extensible {
  /** An array for multi-document input. */
  parse: ParseResponse | ParseResponse[] | null;
  extract: ExtractSplitItem[] | ExtractResponse | V3Extract | null;
  split: SplitResponse | null;
  edit?: EditResponse | null;
}

export interface PipelineResponse extends Extensible {
  response_type?: 'pipeline';
  job_id: string;
  usage: ParseUsage;
  result: PipelineResult;
}

// ---------------------------------------------------------------- jobs

/**
 * `Pending | Completed | Failed | Idle` in the spec; `InProgress`,
 * `Completing`, `Cancelled` observed; anything else is non-terminal.
 */
export type JobStatus =
  | 'Pending'
  | 'Idle'
  | 'InProgress'
  | 'Completing'
  | 'Completed'
  | 'Failed'
  | 'Cancelled'
  | (string & {});

export interface JobResponse extends Extensible {
  status: JobStatus;
  result?: PipelineResponse | ParseResponse | Record<string, unknown> | null;
  /** Units undocumented: 0..1 or 0..100. */
  progress?: number | null;
  reason?: string | null;
  type?: string | null;
  num_pages?: number | null;
  total_pages?: number | null;
  /** Seconds. */
  duration?: number | null;
  created_at?: string | null;
  raw_config?: string | null;
}

// ---------------------------------------------------------------- errors

export interface ValidationIssue extends Extensible {
  loc: (string | number)[];
  msg: string;
  type: string;
  input?: unknown;
  ctx?: Record<string, unknown>;
}
