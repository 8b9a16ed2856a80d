/**
 * Public types of the emulator. The pdf.js surface is described structurally
 * (only what the emulator calls) so that the Node legacy build and the browser
 * build both fit, and so that this file imports nothing at run time.
 */

/** One failure rule: matching jobs end `Failed` with `reason`. */
export interface FailJobRule {
  /** Only jobs of this pipeline (any pipeline when absent). */
  pipelineId?: string;
  /** Only jobs whose uploaded file has this name (any when absent). */
  documentName?: string;
  reason: string;
  /** How many jobs this rule fails before it is used up (unlimited when absent). */
  count?: number;
}

export interface EmulatorFaults {
  /** Extra delay before every API answer, in ms. */
  latencyMs: number;
  /** The next n API requests are refused with 429 `[CODE 1000]`. */
  rateLimitBurst: number;
  /** The next n API requests fail with 503. */
  serverErrors: number;
  /** Adds `Retry-After: <s>` to the 429 and 503 answers above (the real API sends none). */
  retryAfterSeconds: number | null;
  failJobs: FailJobRule[];
  /** Parse results as `{type:"url"}`: always, or from a JSON size on. */
  urlResults: boolean | { minBytes: number };
  /** Treat every PDF as encrypted with this password (442 until it is given). */
  passwordProtected: { password: string } | null;
}

/** The part of a pdf.js text item the emulator reads. */
export interface PdfjsTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName?: string;
  hasEOL?: boolean;
}

export interface PdfjsViewport {
  width: number;
  height: number;
  convertToViewportPoint(x: number, y: number): number[];
}

export interface PdfjsPage {
  getViewport(params: { scale: number }): PdfjsViewport;
  getTextContent(): Promise<{ items: unknown[] }>;
  cleanup(): unknown;
}

export interface PdfjsDocument {
  numPages: number;
  getPage(pageNumber: number): Promise<PdfjsPage>;
  destroy(): Promise<void>;
}

export interface PdfjsGetDocumentParams {
  data: Uint8Array;
  password?: string;
  isEvalSupported?: boolean;
  disableFontFace?: boolean;
  useSystemFonts?: boolean;
  standardFontDataUrl?: string;
  verbosity?: number;
  stopAtErrors?: boolean;
}

/** The part of the pdf.js module the emulator uses. */
export interface PdfjsModule {
  getDocument(params: PdfjsGetDocumentParams): {
    promise: Promise<PdfjsDocument>;
  };
}

export interface EmulatorOptions {
  /** The base URL it pretends to be (presigned, file and result URLs use it). Default `http://emulator.local`. */
  origin?: string;
  /** The accepted API key (default DEMO_API_KEY, `demo-key`). */
  apiKey?: string;
  /** Initial faults (merged over "no faults"). */
  faults?: Partial<EmulatorFaults>;
  /** Time from job start to Completed, in ms (default 1200). */
  jobDurationMs?: number;
  /** The clock, in ms. Injectable so tests are deterministic (default Date.now). */
  now?: () => number;
  /** Loads pdf.js; the Node and browser entries supply one. */
  loadPdfjs?: () => Promise<PdfjsModule>;
  /** Extra getDocument parameters (e.g. standardFontDataUrl in Node). */
  pdfjsParams?: Partial<PdfjsGetDocumentParams>;
  /** Prefix of file, job and result ids (default `emu`). */
  idPrefix?: string;
  /** What GET /version answers. */
  version?: string;
  /** How long `sleep` waits for the latency fault (injectable for tests). */
  sleep?: (ms: number) => Promise<void>;
}

export interface Emulator {
  readonly origin: string;
  readonly apiKey: string;
  handle(request: Request): Promise<Response>;
  /** A `fetch` that answers from the emulator: inject it as the client's fetch. */
  fetch: typeof fetch;
  setFaults(faults: Partial<EmulatorFaults>): void;
  getFaults(): EmulatorFaults;
  /** Forgets every upload, job and result, restores the initial faults, restarts ids. */
  reset(): void;
}
