import type { JobResponse, PipelineResponse, ReductoClient } from '@/api';
import type { RunRepository } from '@/storage/run-repository';
import type { RunFailure, RunRecord } from '@/storage/run-record';
import { createUploadCache } from './runs-uploads';
import { describeFailure, errorKindOf, retryAfterOf } from './runs-errors';
import {
  getRunRecord,
  patchRecord,
  runsState,
  type PasswordPrompt,
  type QueueState,
} from './runs-state';

/** What the queue needs from the rest of the app (injected for tests). */
export interface RunQueueDeps {
  getClient: () => Promise<ReductoClient>;
  getConnection: () => {
    apiKey: string;
    baseUrl: string;
    concurrency: number;
    demo: boolean;
  };
  subscribeConnection: (listener: () => void) => () => void;
  /** Called when the key check accepts the key (resumes a 401 pause). */
  subscribeKeyAccepted?: (listener: () => void) => () => void;
  /** Tells the connection panel to ask for a key again. */
  keyRejected: () => void;
  getDocumentFile: (documentKey: string) => File | undefined;
  repository: () => RunRepository;
  /** Receives each completed result (the store keeps a memory cache). */
  onResult: (runId: string, response: PipelineResponse) => void;
  sleep?: (ms: number) => Promise<void>;
}

export const AUTH_PAUSED_MESSAGE =
  'The API key was rejected. Enter a valid key to continue.';
export const DEMO_RESTARTED_MESSAGE = 'The demo emulator restarted; run again.';
export const INTERRUPTED_MESSAGE = 'Interrupted by a reload';
export const BASE_URL_CHANGED_MESSAGE = 'The API base URL changed; run again.';
export const KEY_CLEARED_MESSAGE = 'The API key was cleared; run again.';
/** Appended when polling a job kept failing: Retry polls it again. */
export const JOB_MAY_BE_RUNNING_MESSAGE =
  'The job may still be running on the server; Retry resumes polling it instead of starting a new job.';

/**
 * Failures that say nothing about the job itself (the network, a timeout,
 * a 5xx): a cell with a job keeps polling it, and Retry resumes it.
 */
export const TRANSIENT_FAILURE_KINDS: ReadonlySet<string> = new Set([
  'connection',
  'timeout',
  'server',
]);

/** Rate-limit backoff when the API does not say how long to wait. */
const backoffMs = (attempt: number) =>
  Math.min(500 * 2 ** attempt, 16_000) * (0.75 + Math.random() * 0.5);
/** A cell rate-limited this many times in a row fails after all. */
const MAX_RATE_LIMITS_PER_CELL = 8;
/** Polls of an existing job that may fail in a row (≈ 2 min of backoff). */
const MAX_POLL_FAILURES = 8;
const pollBackoffMs = (attempt: number) =>
  Math.min(1000 * 2 ** attempt, 30_000) * (0.75 + Math.random() * 0.5);

interface Cell {
  controller: AbortController;
  /** Set only after the user typed it for this document; memory only. */
  password?: string;
  rateLimits: number;
  /** Polls of its job that failed in a row (network, timeout, 5xx). */
  pollFailures: number;
  /** The job exists: poll it instead of starting a new one. */
  resumeJobId?: string;
}

const inFlightStatuses = new Set(['queued', 'uploading', 'running']);
export const isInFlight = (r: RunRecord) => inFlightStatuses.has(r.status);

const clampProgress = (p: number | null): number | null => {
  if (p === null || !Number.isFinite(p)) return null;
  const unit = p > 1 ? p / 100 : p;
  return Math.min(1, Math.max(0, unit));
};

/**
 * One queue for every run: a concurrency limit from the settings, one
 * upload per document, a pause on a rejected key, a password prompt on 442,
 * and a slower pace on 429. Every status change goes to the store and to
 * IndexedDB.
 */
export function createRunQueue(deps: RunQueueDeps) {
  const sleep =
    deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const uploads = createUploadCache(deps.repository);
  const cells = new Map<string, Cell>();
  let pending: string[] = [];
  const active = new Set<string>();
  /** Runs parked until their document's password is answered. */
  const waitingForPassword = new Map<string, string[]>();
  /** Passwords typed during this batch, per document; never persisted. */
  const passwords = new Map<string, string>();
  /** Set on a 401: the key and base URL that were refused. */
  let pausedFor: { apiKey: string; baseUrl: string } | null = null;
  /** Cells waiting out a backoff before polling their job again. */
  const backingOff = new Set<string>();
  let lastConnection = deps.getConnection();
  let rateCap: number | null = null;
  let successesSinceLimit = 0;
  let cooldownUntil = 0;
  let cooldownTimer = false;
  let disposed = false;

  const persist = (record: RunRecord | undefined) => {
    if (record) void deps.repository().saveRun(record);
  };
  const patch = (id: string, changes: Partial<RunRecord>) =>
    persist(patchRecord(id, changes));

  const limit = () => {
    const configured = Math.max(1, deps.getConnection().concurrency || 1);
    return rateCap === null ? configured : Math.min(configured, rateCap);
  };

  function setQueue(queueState: QueueState, queueMessage: string | null) {
    const s = runsState.getState();
    if (s.queueState !== queueState || s.queueMessage !== queueMessage) {
      runsState.setState({ queueState, queueMessage });
    }
  }

  const nothingToDo = () =>
    pending.length === 0 && active.size === 0 && backingOff.size === 0;

  function refreshQueueState() {
    const waiting = [...waitingForPassword.values()].some((l) => l.length);
    // Nothing left to run (e.g. all cancelled): the pause has no object.
    if (pausedFor !== null && nothingToDo()) pausedFor = null;
    if (pausedFor !== null) {
      setQueue('paused-auth', AUTH_PAUSED_MESSAGE);
    } else if (nothingToDo()) {
      setQueue(waiting ? 'waiting-password' : 'idle', null);
    } else if (rateCap !== null) {
      setQueue(
        'slowed',
        `The API is rate limiting requests: slowing down to ${rateCap} at a time and retrying.`,
      );
    } else {
      setQueue('running', null);
    }
  }

  function forgetPasswordIfDone(documentKey: string) {
    const busy = [...pending, ...active].some(
      (id) => getRunRecord(id)?.documentKey === documentKey,
    );
    if (!busy && !waitingForPassword.get(documentKey)?.length) {
      passwords.delete(documentKey);
    }
  }

  function pump() {
    if (disposed || pausedFor !== null) return refreshQueueState();
    const wait = cooldownUntil - Date.now();
    if (wait > 0) {
      if (!cooldownTimer) {
        cooldownTimer = true;
        void sleep(wait).then(() => {
          cooldownTimer = false;
          pump();
        });
      }
      return refreshQueueState();
    }
    while (active.size < limit() && pending.length > 0) {
      const id = pending.shift();
      if (id === undefined) break;
      const cell = cells.get(id);
      if (!cell) continue;
      active.add(id);
      void runCell(id, cell).finally(() => {
        active.delete(id);
        const documentKey = getRunRecord(id)?.documentKey;
        const parked = [...waitingForPassword.values()].some((l) =>
          l.includes(id),
        );
        if (
          cells.get(id) === cell &&
          !pending.includes(id) &&
          !parked &&
          !backingOff.has(id)
        ) {
          cells.delete(id);
        }
        if (documentKey) forgetPasswordIfDone(documentKey);
        pump();
      });
    }
    refreshQueueState();
  }

  const current = (id: string, cell: Cell) =>
    cells.get(id) === cell && !cell.controller.signal.aborted;

  async function runCell(id: string, cell: Cell) {
    try {
      const client = await deps.getClient();
      const record = getRunRecord(id);
      if (!record || !current(id, cell)) return;
      const { demo } = deps.getConnection();
      if (record.baseUrl !== client.baseUrl || record.demo !== demo) {
        patch(id, { baseUrl: client.baseUrl, demo });
      }
      let jobId = cell.resumeJobId;
      if (!jobId) {
        if (record.startedAt === undefined)
          patch(id, { startedAt: Date.now() });
        jobId = await startJob(id, cell, client, record, demo);
        if (!current(id, cell)) {
          // Cancelled while the job was being created: cancel it too.
          void client.cancelJob(jobId).catch(() => undefined);
          return;
        }
        cell.resumeJobId = jobId;
        patch(id, { status: 'running', jobId, progress: null });
      }
      await pollToEnd(id, cell, client, jobId);
    } catch (error) {
      handleError(id, cell, error);
    }
  }

  async function startJob(
    id: string,
    cell: Cell,
    client: ReductoClient,
    record: RunRecord,
    demo: boolean,
  ): Promise<string> {
    const signal = cell.controller.signal;
    const documentPassword = cell.password ?? passwords.get(record.documentKey);
    for (let attempt = 0; ; attempt += 1) {
      const upload = await uploads.fileIdFor({
        client,
        contentHash: record.documentKey,
        filename: record.documentName,
        file: deps.getDocumentFile(record.documentKey),
        demo,
        runId: id,
        signal,
        onUploading: () => {
          if (current(id, cell)) patch(id, { status: 'uploading' });
        },
      });
      try {
        return await client.startPipeline({
          input: upload.fileId,
          pipelineId: record.pipelineId,
          signal,
          ...(documentPassword !== undefined ? { documentPassword } : {}),
        });
      } catch (error) {
        // A remembered file_id may have expired on the server: upload again.
        const kind = errorKindOf(error);
        if (
          upload.reused &&
          attempt === 0 &&
          (kind === 'not-found' ||
            kind === 'validation' ||
            kind === 'bad-request')
        ) {
          await uploads.forget(client, record.documentKey, demo);
          continue;
        }
        throw error;
      }
    }
  }

  async function pollToEnd(
    id: string,
    cell: Cell,
    client: ReductoClient,
    jobId: string,
  ) {
    const signal = cell.controller.signal;
    const job = await client.waitForJob(jobId, {
      signal,
      onProgress: (progress) => {
        cell.pollFailures = 0; // the API answered: the drop is over
        if (current(id, cell)) {
          patchRecord(id, { progress: clampProgress(progress) });
        }
      },
    });
    if (!current(id, cell)) return;
    await finish(id, cell, client, job);
  }

  async function finish(
    id: string,
    cell: Cell,
    client: ReductoClient,
    job: JobResponse,
  ) {
    const finishedAt = Date.now();
    const serverDurationSec = job.duration ?? null;
    if (job.status === 'Completed') {
      const raw = job.result;
      if (!raw || typeof raw !== 'object' || !('result' in raw)) {
        patch(id, {
          status: 'failed',
          finishedAt,
          failure: {
            kind: 'unexpected-response',
            message: 'The job completed but the API sent no pipeline result.',
          },
        });
        return;
      }
      const response = await client.resolveResult(raw as PipelineResponse, {
        signal: cell.controller.signal,
      });
      if (!current(id, cell)) return;
      deps.onResult(id, response);
      // The result first: a completed record always has its result stored.
      await deps.repository().saveResult({ runId: id, response });
      if (!current(id, cell)) return;
      const usage = response.usage as PipelineResponse['usage'] | undefined;
      patch(id, {
        status: 'completed',
        progress: 1,
        finishedAt,
        serverDurationSec,
        credits: usage?.credits ?? null,
        numPages: usage?.num_pages ?? job.num_pages ?? null,
      });
      noteSuccess();
    } else if (job.status === 'Cancelled') {
      patch(id, { status: 'cancelled', finishedAt, serverDurationSec });
    } else {
      patch(id, {
        status: 'failed',
        finishedAt,
        serverDurationSec,
        failure: {
          kind: 'job-failed',
          message: job.reason?.trim() || 'The job failed on the server.',
        },
      });
    }
  }

  function noteSuccess() {
    if (rateCap === null) return;
    successesSinceLimit += 1;
    // Recover one slot per `rateCap` successes, back to the setting.
    if (successesSinceLimit >= rateCap) {
      successesSinceLimit = 0;
      rateCap += 1;
      if (rateCap >= deps.getConnection().concurrency) rateCap = null;
    }
  }

  function requeueFront(id: string, cell: Cell) {
    pending = [id, ...pending.filter((p) => p !== id)];
    if (!cell.resumeJobId) patch(id, { status: 'queued', progress: null });
  }

  function handleError(id: string, cell: Cell, error: unknown) {
    if (!current(id, cell)) return; // cancelled: already recorded
    const kind = errorKindOf(error);
    const record = getRunRecord(id);
    if (!record) return;

    if (kind === 'authentication') {
      requeueFront(id, cell);
      if (pausedFor === null) {
        const { apiKey, baseUrl } = deps.getConnection();
        pausedFor = { apiKey, baseUrl };
        deps.keyRejected();
      }
      return;
    }

    // The job exists and the failure is not about it: poll it again later
    // rather than fail a job that goes on (and is paid for) on the server.
    if (TRANSIENT_FAILURE_KINDS.has(kind) && cell.resumeJobId) {
      if (cell.pollFailures < MAX_POLL_FAILURES) {
        cell.pollFailures += 1;
        pollAgainLater(id, cell, pollBackoffMs(cell.pollFailures - 1));
        return;
      }
      const { message } = describeFailure(error);
      patch(id, {
        status: 'failed',
        finishedAt: Date.now(),
        failure: { kind, message: `${message} ${JOB_MAY_BE_RUNNING_MESSAGE}` },
      });
      return;
    }

    if (kind === 'rate-limit' && cell.rateLimits < MAX_RATE_LIMITS_PER_CELL) {
      cell.rateLimits += 1;
      const cap = Math.max(1, Math.floor(limit() / 2));
      rateCap = rateCap === null ? cap : Math.min(rateCap, cap);
      successesSinceLimit = 0;
      const wait = retryAfterOf(error) ?? backoffMs(cell.rateLimits - 1);
      cooldownUntil = Math.max(cooldownUntil, Date.now() + wait);
      requeueFront(id, cell);
      return;
    }

    if (kind === 'password-required') {
      const refused =
        (cell.password ?? passwords.get(record.documentKey)) !== undefined;
      passwords.delete(record.documentKey);
      delete cell.password;
      const list = waitingForPassword.get(record.documentKey) ?? [];
      if (!list.includes(id)) list.push(id);
      waitingForPassword.set(record.documentKey, list);
      patch(id, { status: 'queued', progress: null });
      askPassword(record, refused);
      return;
    }

    const failure: RunFailure = describeFailure(error);
    patch(id, { status: 'failed', finishedAt: Date.now(), failure });
  }

  function pollAgainLater(id: string, cell: Cell, wait: number) {
    backingOff.add(id);
    void sleep(wait).then(() => {
      backingOff.delete(id);
      if (disposed || !current(id, cell)) return; // cancelled meanwhile
      pending.push(id);
      pump();
    });
  }

  function askPassword(record: RunRecord, retry: boolean) {
    const prompts = runsState.getState().passwordPrompts;
    const existing = prompts.find((p) => p.documentKey === record.documentKey);
    if (existing && (existing.retry || !retry)) return;
    const prompt: PasswordPrompt = {
      documentKey: record.documentKey,
      documentName: record.documentName,
      retry,
    };
    runsState.setState({
      passwordPrompts: [
        ...prompts.filter((p) => p.documentKey !== record.documentKey),
        prompt,
      ],
    });
  }

  function closePrompt(documentKey: string) {
    runsState.setState((s) => ({
      passwordPrompts: s.passwordPrompts.filter(
        (p) => p.documentKey !== documentKey,
      ),
    }));
  }

  /** Takes a cell out of the queue wherever it is, aborting its requests. */
  function dropCell(id: string) {
    pending = pending.filter((p) => p !== id);
    backingOff.delete(id);
    for (const [doc, list] of waitingForPassword) {
      const rest = list.filter((p) => p !== id);
      if (rest.length !== list.length) {
        waitingForPassword.set(doc, rest);
        if (rest.length === 0) closePrompt(doc);
      }
    }
    cells.get(id)?.controller.abort();
    cells.delete(id);
  }

  function cancelOne(id: string) {
    const record = getRunRecord(id);
    if (!record || !isInFlight(record)) return;
    dropCell(id);
    patch(id, { status: 'cancelled', finishedAt: Date.now() });
    const jobId = record.jobId;
    if (jobId) {
      void deps
        .getClient()
        .then((client) => client.cancelJob(jobId))
        .catch(() => undefined);
    }
  }

  /** Fails the queued and running cells of real (not demo) runs that match. */
  function failRealCells(
    message: string,
    kind: string,
    matches: (record: RunRecord, id: string) => boolean,
  ) {
    for (const id of [...cells.keys()]) {
      const record = getRunRecord(id);
      if (!record || record.demo || !isInFlight(record)) continue;
      if (!matches(record, id)) continue;
      dropCell(id);
      patch(id, {
        status: 'failed',
        finishedAt: Date.now(),
        failure: { kind, message },
      });
    }
  }

  /**
   * The connection changed under running cells. Key cleared (demo mode):
   * real runs cannot go on without a key and must not quietly run in the
   * emulator, so they fail and say so. New base URL: a job on the old host
   * cannot be polled on the new one (and the old host gets no key any
   * more), so cells with a job, or busy uploading or starting one there,
   * fail; queued cells that had not started run against the new URL.
   */
  function connectionChanged() {
    const previous = lastConnection;
    const next = deps.getConnection();
    lastConnection = next;
    if (next.demo && !previous.demo) {
      failRealCells(KEY_CLEARED_MESSAGE, 'key-cleared', () => true);
      pausedFor = null;
    } else if (!next.demo && next.baseUrl !== previous.baseUrl) {
      failRealCells(
        BASE_URL_CHANGED_MESSAGE,
        'base-url-changed',
        (record, id) =>
          record.baseUrl !== next.baseUrl &&
          (active.has(id) ||
            backingOff.has(id) ||
            record.jobId !== undefined ||
            cells.get(id)?.resumeJobId !== undefined),
      );
    }
    // A 401 pause ends when the key or the base URL (region) it was
    // refused for changes.
    if (
      pausedFor !== null &&
      (next.apiKey !== pausedFor.apiKey || next.baseUrl !== pausedFor.baseUrl)
    ) {
      pausedFor = null;
    }
    // A new key, or a higher concurrency setting, may free slots.
    pump();
  }

  const unsubscribers = [
    deps.subscribeConnection(connectionChanged),
    // The same key accepted by the key check (e.g. the account was fixed).
    deps.subscribeKeyAccepted?.(() => {
      if (pausedFor === null) return;
      pausedFor = null;
      pump();
    }),
  ];

  return {
    /** Puts records (already in the store, status queued) in the queue. */
    enqueue(ids: string[]) {
      for (const id of ids) {
        cells.get(id)?.controller.abort();
        cells.set(id, {
          controller: new AbortController(),
          rateLimits: 0,
          pollFailures: 0,
        });
        pending.push(id);
      }
      pump();
    },

    /** Polls a job that was running before a reload. */
    resume(id: string, jobId: string) {
      cells.set(id, {
        controller: new AbortController(),
        rateLimits: 0,
        pollFailures: 0,
        resumeJobId: jobId,
      });
      pending.push(id);
      pump();
    },

    cancel(ids: string[]) {
      for (const id of ids) cancelOne(id);
      pump();
    },

    passwordProvided(documentKey: string, password: string) {
      closePrompt(documentKey);
      passwords.set(documentKey, password);
      const waiting = waitingForPassword.get(documentKey) ?? [];
      waitingForPassword.delete(documentKey);
      for (const id of waiting) {
        const cell = cells.get(id);
        if (!cell) continue;
        cell.password = password;
        pending.push(id);
      }
      pump();
    },

    passwordSkipped(documentKey: string) {
      closePrompt(documentKey);
      passwords.delete(documentKey);
      const waiting = waitingForPassword.get(documentKey) ?? [];
      waitingForPassword.delete(documentKey);
      for (const id of waiting) {
        cells.delete(id);
        patch(id, {
          status: 'failed',
          finishedAt: Date.now(),
          failure: {
            kind: 'password-required',
            message:
              'The document is password-protected and no password was given.',
          },
        });
      }
      refreshQueueState();
    },

    /** Stops everything without touching records (page teardown, tests). */
    dispose() {
      disposed = true;
      for (const unsubscribe of unsubscribers) unsubscribe?.();
      for (const cell of cells.values()) cell.controller.abort();
      uploads.abortAll();
      cells.clear();
      backingOff.clear();
      pending = [];
      active.clear();
      waitingForPassword.clear();
      passwords.clear();
    },
  };
}

export type RunQueue = ReturnType<typeof createRunQueue>;
