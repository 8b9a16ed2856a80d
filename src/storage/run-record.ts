import type { PipelineResponse } from '@/api/types';

export type RunStatus =
  'queued' | 'uploading' | 'running' | 'completed' | 'failed' | 'cancelled';

/** A failure as the user sees it: a kind to branch on and a readable message. */
export interface RunFailure {
  /** The API error's kind (e.g. 'authentication', 'rate-limit', 'job-failed'). */
  kind: string;
  message: string;
}

/**
 * One document run through one pipeline. Persisted in IndexedDB (metadata
 * here, the full result in a separate store keyed by the same id). Never
 * holds the API key or the document password.
 */
export interface RunRecord {
  id: string;
  /** Content hash (SHA-256 hex) of the document: the document's identity. */
  documentKey: string;
  documentName: string;
  documentSize: number;
  pageCount?: number | null;
  pipelineId: string;
  pipelineLabel: string;
  baseUrl: string;
  /** True when the run went to the built-in emulator (demo mode). */
  demo: boolean;
  jobId?: string;
  status: RunStatus;
  /** 0..1 while running. */
  progress?: number | null;
  failure?: RunFailure;
  createdAt: number;
  /** The run request this run belongs to (one click of Run); optional. */
  batchId?: string;
  startedAt?: number;
  finishedAt?: number;
  /** Server-reported duration in seconds, when the response has one. */
  serverDurationSec?: number | null;
  numPages?: number | null;
  credits?: number | null;
}

/** The full result of a completed run, stored apart from the record. */
export interface RunResult {
  runId: string;
  response: PipelineResponse;
}
