import type { RunRecord, RunResult, RunStatus } from './run-record';

const statuses: readonly RunStatus[] = [
  'queued',
  'uploading',
  'running',
  'completed',
  'failed',
  'cancelled',
];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isOptionalNumber = (v: unknown) =>
  v === undefined ||
  v === null ||
  (typeof v === 'number' && Number.isFinite(v));

/**
 * Why a stored run record cannot be used, or null when it can. Records come
 * from an earlier version of the app or a hand-edited database: check every
 * field the UI relies on instead of trusting the shape.
 */
export function runRecordProblem(value: unknown): string | null {
  if (!isObject(value)) return 'not an object';
  const strings = [
    'id',
    'documentKey',
    'documentName',
    'pipelineId',
    'pipelineLabel',
    'baseUrl',
  ] as const;
  for (const field of strings) {
    if (typeof value[field] !== 'string' || value[field] === '') {
      return `missing ${field}`;
    }
  }
  if (typeof value.documentSize !== 'number') return 'missing documentSize';
  if (typeof value.demo !== 'boolean') return 'missing demo flag';
  if (!statuses.includes(value.status as RunStatus)) return 'unknown status';
  if (typeof value.createdAt !== 'number') return 'missing createdAt';
  for (const field of ['jobId', 'batchId'] as const) {
    if (value[field] !== undefined && typeof value[field] !== 'string') {
      return `bad ${field}`;
    }
  }
  for (const field of [
    'startedAt',
    'finishedAt',
    'progress',
    'credits',
    'numPages',
    'serverDurationSec',
    'pageCount',
  ] as const) {
    if (!isOptionalNumber(value[field])) return `bad ${field}`;
  }
  if (value.failure !== undefined) {
    const f = value.failure;
    if (!isObject(f) || typeof f.message !== 'string') return 'bad failure';
  }
  return null;
}

export const isRunRecord = (value: unknown): value is RunRecord =>
  runRecordProblem(value) === null;

export function isRunResult(value: unknown): value is RunResult {
  return (
    isObject(value) &&
    typeof value.runId === 'string' &&
    isObject(value.response) &&
    isObject(value.response.result)
  );
}
