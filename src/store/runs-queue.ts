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

/** Rate-limit backoff when the API does not say how long to wait. */
const backoffMs = (attempt: number) =>
  Math.min(500 * 2 ** attempt, 16_000) * (0.75 + Math.random() * 0.5);
/** A cell rate-limited this many times in a row fails after all. */
const MAX_RATE_LIMITS_PER_CELL = 8;

interface Cell {
  controller: AbortController;
  /** Set only after the user typed it for this document; memory only. */
  password?: string;
  rateLimits: number;
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
  let pausedForKey: string | null = null;
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

  function refreshQueueState() {
    const waiting = [...waitingForPassword.values()].some((l) => l.length);
    if (pausedForKey !== null) {
      setQueue('paused-auth', AUTH_PAUSED_MESSAGE);
    } else if (pending.length === 0 && active.size === 0) {
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
    if (disposed || pausedForKey !== null) return refreshQueueState();
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
        if (cells.get(id) === cell && !pending.includes(id) && !parked) {
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
      if (pausedForKey === null) {
        pausedForKey = deps.getConnection().apiKey;
        deps.keyRejected();
      }
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

  function cancelOne(id: string) {
    const record = getRunRecord(id);
    if (!record || !isInFlight(record)) return;
    const cell = cells.get(id);
    pending = pending.filter((p) => p !== id);
    for (const [doc, list] of waitingForPassword) {
      const rest = list.filter((p) => p !== id);
      if (rest.length !== list.length) {
        waitingForPassword.set(doc, rest);
        if (rest.length === 0) closePrompt(doc);
      }
    }
    cell?.controller.abort();
    cells.delete(id);
    patch(id, { status: 'cancelled', finishedAt: Date.now() });
    const jobId = record.jobId;
    if (jobId) {
      void deps
        .getClient()
        .then((client) => client.cancelJob(jobId))
        .catch(() => undefined);
    }
  }

  const unsubscribe = deps.subscribeConnection(() => {
    if (pausedForKey !== null) {
      const { apiKey, demo } = deps.getConnection();
      // Resume for a different key, or for demo mode (key cleared).
      if ((apiKey && apiKey !== pausedForKey) || demo) pausedForKey = null;
    }
    // A new key, or a higher concurrency setting, may free slots.
    pump();
  });

  return {
    /** Puts records (already in the store, status queued) in the queue. */
    enqueue(ids: string[]) {
      for (const id of ids) {
        cells.get(id)?.controller.abort();
        cells.set(id, { controller: new AbortController(), rateLimits: 0 });
        pending.push(id);
      }
      pump();
    },

    /** Polls a job that was running before a reload. */
    resume(id: string, jobId: string) {
      cells.set(id, {
        controller: new AbortController(),
        rateLimits: 0,
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
      unsubscribe();
      for (const cell of cells.values()) cell.controller.abort();
      uploads.abortAll();
      cells.clear();
      pending = [];
      active.clear();
      waitingForPassword.clear();
      passwords.clear();
    },
  };
}

export type RunQueue = ReturnType<typeof createRunQueue>;
