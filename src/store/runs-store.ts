import { useEffect, useMemo } from 'react';
import type { PipelineResponse } from '@/api';
import type { RunDb } from '@/storage/run-db';
import type { RunRecord } from '@/storage/run-record';
import {
  createRunRepository,
  type RunRepository,
} from '@/storage/run-repository';
import {
  createRunQueue,
  DEMO_RESTARTED_MESSAGE,
  INTERRUPTED_MESSAGE,
  isInFlight,
  TRANSIENT_FAILURE_KINDS,
  type RunQueue,
  type RunQueueDeps,
} from './runs-queue';
import {
  getRunRecord,
  initialRunsState,
  patchRecord,
  putRecord,
  removeRecord,
  runsState,
} from './runs-state';

export type { PasswordPrompt, QueueState } from './runs-state';
export { AUTH_PAUSED_MESSAGE } from './runs-queue';

/** What a run needs to know about a document. */
export interface RunDocument {
  key: string;
  name: string;
  size: number;
  pageCount?: number | null;
}

/** What a run needs to know about a pipeline. */
export interface RunPipeline {
  id: string;
  label: string;
}

/** The wiring of the runs store; the defaults use the app's other stores. */
export interface RunsWiring extends Omit<
  RunQueueDeps,
  'repository' | 'onResult'
> {
  /** The base URL the demo-mode client reports. */
  demoBaseUrl: string;
  /** Opens the IndexedDB database (tests inject failures here). */
  openDb?: () => Promise<RunDb>;
}

// ------------------------------------------------------------- wiring

let overrides: Partial<RunsWiring> = {};
let wiring: Promise<RunsWiring> | null = null;
let repository: RunRepository | null = null;
let queue: RunQueue | null = null;
let hydration: Promise<void> | null = null;
/** Bumped by reset(): work started before a reset must not touch after. */
let generation = 0;
/** Results are big: cached here, never in the zustand state. */
const results = new Map<string, PipelineResponse>();

const requiredKeys: (keyof RunsWiring)[] = [
  'getClient',
  'getConnection',
  'subscribeConnection',
  'keyRejected',
  'getDocumentFile',
  'demoBaseUrl',
];

function getWiring(): Promise<RunsWiring> {
  wiring ??= requiredKeys.every((k) => overrides[k] !== undefined)
    ? Promise.resolve(overrides as RunsWiring)
    : // Loaded lazily: the defaults pull in the client and the settings.
      import('./runs-default-wiring').then((m) => ({
        ...m.defaultRunsWiring(),
        ...overrides,
      }));
  return wiring;
}

function getRepository(): RunRepository {
  repository ??= createRunRepository({
    ...(overrides.openDb ? { open: overrides.openDb } : {}),
    onWarning: (storageWarning) => runsState.setState({ storageWarning }),
    onSetAside: (storageNotice) => runsState.setState({ storageNotice }),
  });
  return repository;
}

async function getQueue(): Promise<RunQueue> {
  const w = await getWiring();
  queue ??= createRunQueue({
    ...w,
    repository: getRepository,
    onResult: (runId, response) => results.set(runId, response),
  });
  return queue;
}

/** Test and composition hooks: inject dependencies, or start afresh. */
export const runsSetup = {
  configure(next: Partial<RunsWiring>) {
    overrides = { ...overrides, ...next };
    wiring = null;
  },
  /**
   * Forgets everything held in memory (as a page reload does) without
   * touching IndexedDB or the records' statuses.
   */
  reset() {
    generation += 1;
    queue?.dispose();
    queue = null;
    repository = null;
    hydration = null;
    wiring = null;
    results.clear();
    runsState.setState(initialRunsState, true);
  },
  /** reset() plus dropping the injected dependencies. */
  unconfigure() {
    runsSetup.reset();
    overrides = {};
  },
};

// ------------------------------------------------------------- hydration

const save = (record: RunRecord | undefined) => {
  if (record) void getRepository().saveRun(record);
};

/**
 * Loads the history from IndexedDB once. Runs interrupted by the reload
 * are settled: jobs still on the same API are polled again; demo jobs died
 * with the in-page emulator; uploads in progress lost their File.
 */
export function hydrateRuns(): Promise<void> {
  hydration ??= (async () => {
    const started = generation;
    const loaded = await getRepository().loadAllRuns();
    if (started !== generation) return;
    // Records this page created meanwhile are live: leave them alone.
    const live = runsState.getState().records;
    const restored = loaded.filter((r) => !(r.id in live));
    runsState.setState((s) => {
      const records = { ...s.records };
      for (const r of restored) records[r.id] ??= r;
      return { records };
    });
    const w = await getWiring();
    const q = await getQueue();
    if (started !== generation) return;
    const connection = w.getConnection();
    const baseUrl = connection.demo ? w.demoBaseUrl : connection.baseUrl;
    const now = Date.now();
    for (const r of restored) {
      if (!isInFlight(r) || getRunRecord(r.id) !== r) continue;
      if (r.status === 'running' && r.jobId) {
        if (r.demo) {
          save(
            patchRecord(r.id, {
              status: 'failed',
              finishedAt: now,
              failure: { kind: 'interrupted', message: DEMO_RESTARTED_MESSAGE },
            }),
          );
        } else if (r.baseUrl === baseUrl) {
          q.resume(r.id, r.jobId);
        } else {
          save(
            patchRecord(r.id, {
              status: 'failed',
              finishedAt: now,
              failure: {
                kind: 'interrupted',
                message: `${INTERRUPTED_MESSAGE}: the job ran on ${r.baseUrl}, which is not the API selected now. Select it again and run again.`,
              },
            }),
          );
        }
      } else {
        save(
          patchRecord(r.id, {
            status: 'cancelled',
            finishedAt: now,
            failure: { kind: 'interrupted', message: INTERRUPTED_MESSAGE },
          }),
        );
      }
    }
    runsState.setState({ hydrated: true });
  })();
  return hydration;
}

// ------------------------------------------------------------- reads

/** Newest first; ties broken by id so the order never flickers. */
const byNewest = (a: RunRecord, b: RunRecord) =>
  b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export const sortRuns = (records: Iterable<RunRecord>): RunRecord[] =>
  [...records].sort(byNewest);

const useRecords = () => {
  useEffect(() => {
    void hydrateRuns();
  }, []);
  return runsState((s) => s.records);
};

/** Every run, newest first. */
export function useRuns(): RunRecord[] {
  const records = useRecords();
  return useMemo(() => sortRuns(Object.values(records)), [records]);
}

/** The runs of one document, newest first. */
export function useRunsForDocument(documentKey: string | null): RunRecord[] {
  const records = useRecords();
  return useMemo(
    () =>
      documentKey === null
        ? []
        : sortRuns(
            Object.values(records).filter((r) => r.documentKey === documentKey),
          ),
    [records, documentKey],
  );
}

export const useRun = (id: string | null | undefined) =>
  runsState((s) => (id ? s.records[id] : undefined));
export const useRunsHydrated = () => runsState((s) => s.hydrated);
export const useQueueState = () => runsState((s) => s.queueState);
export const useQueueMessage = () => runsState((s) => s.queueMessage);
/** Storage fell back to memory (unavailable or full), or records were set aside. */
export const useStorageWarning = () =>
  runsState((s) =>
    s.storageWarning && s.storageNotice
      ? `${s.storageWarning} ${s.storageNotice}`
      : (s.storageWarning ?? s.storageNotice),
  );
export const usePasswordPrompts = () => runsState((s) => s.passwordPrompts);

/** Non-React: every run, newest first. */
export const getRuns = (): RunRecord[] =>
  sortRuns(Object.values(runsState.getState().records));
export const getRun = (id: string): RunRecord | undefined => getRunRecord(id);

/** The full result of a completed run, from memory or IndexedDB. */
export async function loadRunResult(
  runId: string,
): Promise<PipelineResponse | undefined> {
  const cached = results.get(runId);
  if (cached) return cached;
  const stored = await getRepository().loadResult(runId);
  if (stored) results.set(runId, stored.response);
  return stored?.response;
}

// ------------------------------------------------------------- events

const newId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `run-${Date.now()}-${Math.random().toString(36).slice(2)}`;

async function createRecords(
  pairs: { document: RunDocument; pipeline: RunPipeline }[],
): Promise<string[]> {
  const started = generation;
  const w = await getWiring();
  const q = await getQueue();
  if (started !== generation) return [];
  const connection = w.getConnection();
  const now = Date.now();
  const batchId = newId();
  const ids = pairs.map(({ document, pipeline }, index) => {
    const record: RunRecord = {
      id: newId(),
      documentKey: document.key,
      documentName: document.name,
      documentSize: document.size,
      pageCount: document.pageCount ?? null,
      pipelineId: pipeline.id,
      pipelineLabel: pipeline.label,
      baseUrl: connection.demo ? w.demoBaseUrl : connection.baseUrl,
      demo: connection.demo,
      status: 'queued',
      batchId,
      // Distinct creation times keep the request's order in sorted lists.
      createdAt: now + index,
    };
    putRecord(record);
    save(record);
    return record.id;
  });
  q.enqueue(ids);
  return ids;
}

const inFlightIds = (match: (r: RunRecord) => boolean) =>
  Object.values(runsState.getState().records)
    .filter((r) => isInFlight(r) && match(r))
    .map((r) => r.id);

const cancel = async (ids: string[]) => (await getQueue()).cancel(ids);

/** Polling failed, not the job, and the job's API is still selected. */
function canResumeJob(record: RunRecord, w: RunsWiring): boolean {
  if (record.status !== 'failed' || !record.failure) return false;
  if (!TRANSIENT_FAILURE_KINDS.has(record.failure.kind)) return false;
  const connection = w.getConnection();
  const baseUrl = connection.demo ? w.demoBaseUrl : connection.baseUrl;
  return record.demo === connection.demo && record.baseUrl === baseUrl;
}

export const runsActions = {
  /** Every document through every pipeline; resolves with the new run ids. */
  runRequested(
    documents: readonly RunDocument[],
    pipelines: readonly RunPipeline[],
  ): Promise<string[]> {
    const pairs = documents.flatMap((document) =>
      pipelines.map((pipeline) => ({ document, pipeline })),
    );
    return pairs.length ? createRecords(pairs) : Promise.resolve([]);
  },
  cellCancelled: (runId: string) => cancel([runId]),
  rowCancelled: (documentKey: string) =>
    cancel(inFlightIds((r) => r.documentKey === documentKey)),
  columnCancelled: (pipelineId: string) =>
    cancel(inFlightIds((r) => r.pipelineId === pipelineId)),
  allCancelled: () => cancel(inFlightIds(() => true)),
  /**
   * Runs a failed (or cancelled) run again under the same record. A run
   * that failed on the network, a timeout or a 5xx while its job existed
   * polls that job again (it may still be running, and is paid for)
   * instead of starting a second one, if its API is still the selected one.
   */
  async retryRequested(runId: string) {
    const record = getRunRecord(runId);
    if (!record || isInFlight(record)) return;
    const w = await getWiring();
    const q = await getQueue();
    const jobId = record.jobId;
    if (jobId !== undefined && canResumeJob(record, w)) {
      const resumed: RunRecord = { ...record, status: 'running' };
      for (const key of ['failure', 'progress', 'finishedAt'] as const) {
        delete resumed[key];
      }
      putRecord(resumed);
      save(resumed);
      q.resume(runId, jobId);
      return;
    }
    const reset: RunRecord = {
      ...record,
      status: 'queued',
      createdAt: Date.now(),
    };
    for (const key of [
      'failure',
      'jobId',
      'progress',
      'startedAt',
      'finishedAt',
      'serverDurationSec',
      'credits',
      'numPages',
    ] as const) {
      delete reset[key];
    }
    putRecord(reset);
    save(reset);
    q.enqueue([runId]);
  },
  /** A new run of this document and pipeline; the old one stays in history. */
  async rerunRequested(documentKey: string, pipelineId: string) {
    const latest = getRuns().find(
      (r) => r.documentKey === documentKey && r.pipelineId === pipelineId,
    );
    if (!latest) return [];
    return createRecords([
      {
        document: {
          key: latest.documentKey,
          name: latest.documentName,
          size: latest.documentSize,
          pageCount: latest.pageCount ?? null,
        },
        pipeline: { id: latest.pipelineId, label: latest.pipelineLabel },
      },
    ]);
  },
  async runDeleted(runId: string) {
    const record = getRunRecord(runId);
    if (record && isInFlight(record)) await cancel([runId]);
    removeRecord(runId);
    results.delete(runId);
    await getRepository().deleteRun(runId);
  },
  /** The password is used for this document's waiting runs only. */
  async passwordProvided(documentKey: string, password: string) {
    (await getQueue()).passwordProvided(documentKey, password);
  },
  async passwordSkipped(documentKey: string) {
    (await getQueue()).passwordSkipped(documentKey);
  },
  /** Same as hydrateRuns(); for callers that think in events. */
  hydrated: () => hydrateRuns(),
};
