import type { RunRecord, RunResult } from './run-record';
import { openRunDb } from './run-db';
import type { CachedFileId, RunDb } from './run-db';
import { isRunResult, runRecordProblem } from './run-validation';

/** A file_id is reused for 24 h: the API deletes uploads after that. */
export const FILE_ID_TTL_MS = 24 * 60 * 60 * 1000;

export type StorageMode = 'indexeddb' | 'memory';

export interface RunRepository {
  /** Every valid stored record; invalid ones are set aside and reported. */
  loadAllRuns(): Promise<RunRecord[]>;
  loadResult(runId: string): Promise<RunResult | undefined>;
  saveRun(record: RunRecord): Promise<void>;
  saveResult(result: RunResult): Promise<void>;
  /** Deletes the record and its result. */
  deleteRun(runId: string): Promise<void>;
  getCachedFileId(
    contentHash: string,
    baseUrl: string,
    now?: number,
  ): Promise<string | undefined>;
  cacheFileId(
    contentHash: string,
    baseUrl: string,
    fileId: string,
    now?: number,
  ): Promise<void>;
  forgetFileId(contentHash: string, baseUrl: string): Promise<void>;
  mode(): StorageMode;
}

export interface RunRepositoryOptions {
  open?: () => Promise<RunDb>;
  /** Called with a user-facing message when storage degrades. */
  onWarning?: (message: string) => void;
  /** Called with a user-facing message when stored records are set aside. */
  onSetAside?: (message: string) => void;
}

export const UNAVAILABLE_WARNING =
  'Run history cannot be saved: browser storage (IndexedDB) is unavailable. Runs are kept in memory and will be lost when the page is reloaded.';
export const QUOTA_WARNING =
  'Browser storage is full: new runs are kept in memory only and will be lost when the page is reloaded. Delete old runs in the history to free space.';
export const WRITE_FAILED_WARNING =
  'Run history could not be saved to browser storage. Runs are kept in memory and will be lost when the page is reloaded.';

const fileKey = (contentHash: string, baseUrl: string) =>
  `${baseUrl}|${contentHash}`;

function warningFor(error: unknown): string {
  // DOMException is not an Error subclass everywhere: read `name` directly.
  const name =
    typeof error === 'object' && error !== null && 'name' in error
      ? String(error.name)
      : '';
  if (name === 'QuotaExceededError') return QUOTA_WARNING;
  return WRITE_FAILED_WARNING;
}

/**
 * IndexedDB persistence with a memory fallback. Any failure (no IndexedDB,
 * a full quota, a broken database) switches to memory for the rest of the
 * session and reports one warning: the app keeps working, only the
 * survival across a reload is lost.
 */
export function createRunRepository(
  options: RunRepositoryOptions = {},
): RunRepository {
  const open = options.open ?? (() => openRunDb());
  let mode: StorageMode = 'indexeddb';
  let dbPromise: Promise<RunDb> | null = null;
  // Records are small: always mirrored, so memory mode still has them.
  const runs = new Map<string, RunRecord>();
  // Results and file ids are only kept here once in memory mode.
  const results = new Map<string, RunResult>();
  const files = new Map<string, CachedFileId>();

  const degrade = (message: string) => {
    if (mode === 'memory') return;
    mode = 'memory';
    options.onWarning?.(message);
  };

  const db = async (): Promise<RunDb | null> => {
    if (mode === 'memory') return null;
    try {
      dbPromise ??= open();
      const opened = await dbPromise;
      return opened;
    } catch {
      degrade(UNAVAILABLE_WARNING);
      return null;
    }
  };

  /** Runs a write; on failure, switches to memory and runs `fallback`. */
  const write = async (
    action: (d: RunDb) => Promise<unknown>,
    fallback: () => void,
  ) => {
    const d = await db();
    if (!d) return fallback();
    try {
      await action(d);
    } catch (error) {
      degrade(warningFor(error));
      fallback();
    }
  };

  return {
    mode: () => mode,

    async loadAllRuns() {
      const d = await db();
      if (!d) return [...runs.values()];
      try {
        const tx = d.transaction(['runs', 'set-aside'], 'readwrite');
        const setAside = tx.objectStore('set-aside');
        let cursor = await tx.objectStore('runs').openCursor();
        let rejected = 0;
        while (cursor) {
          const value: unknown = cursor.value;
          const problem = runRecordProblem(value);
          if (problem === null) {
            runs.set(cursor.value.id, cursor.value);
          } else {
            rejected += 1;
            await setAside.put({
              key: `runs:${String(cursor.primaryKey)}`,
              store: 'runs',
              reason: problem,
              value,
              setAsideAt: Date.now(),
            });
            await cursor.delete();
          }
          cursor = await cursor.continue();
        }
        await tx.done;
        if (rejected > 0) {
          options.onSetAside?.(
            rejected === 1
              ? '1 saved run could not be read and was set aside.'
              : `${rejected} saved runs could not be read and were set aside.`,
          );
        }
      } catch (error) {
        degrade(warningFor(error));
      }
      return [...runs.values()];
    },

    async loadResult(runId) {
      const inMemory = results.get(runId);
      if (inMemory) return inMemory;
      const d = await db();
      if (!d) return undefined;
      try {
        const value: unknown = await d.get('results', runId);
        if (value === undefined) return undefined;
        if (isRunResult(value)) return value;
        // A corrupt result: set it aside so the run can be rerun cleanly.
        await d.put('set-aside', {
          key: `results:${runId}`,
          store: 'results',
          reason: 'not a pipeline response',
          value,
          setAsideAt: Date.now(),
        });
        await d.delete('results', runId);
        options.onSetAside?.(
          'A saved result could not be read and was set aside.',
        );
        return undefined;
      } catch {
        return undefined;
      }
    },

    async saveRun(record) {
      runs.set(record.id, record);
      await write(
        (d) => d.put('runs', record),
        () => undefined,
      );
    },

    async saveResult(result) {
      await write(
        (d) => d.put('results', result),
        () => results.set(result.runId, result),
      );
    },

    async deleteRun(runId) {
      runs.delete(runId);
      results.delete(runId);
      await write(
        async (d) => {
          const tx = d.transaction(['runs', 'results'], 'readwrite');
          await Promise.all([
            tx.objectStore('runs').delete(runId),
            tx.objectStore('results').delete(runId),
            tx.done,
          ]);
        },
        () => undefined,
      );
    },

    async getCachedFileId(contentHash, baseUrl, now = Date.now()) {
      const key = fileKey(contentHash, baseUrl);
      let entry = files.get(key);
      if (!entry) {
        const d = await db();
        if (d) {
          try {
            entry = await d.get('files', key);
          } catch {
            entry = undefined;
          }
        }
      }
      if (!entry || typeof entry.fileId !== 'string') return undefined;
      if (now - entry.uploadedAt >= FILE_ID_TTL_MS) return undefined;
      return entry.fileId;
    },

    async cacheFileId(contentHash, baseUrl, fileId, now = Date.now()) {
      const entry: CachedFileId = {
        key: fileKey(contentHash, baseUrl),
        fileId,
        uploadedAt: now,
      };
      await write(
        (d) => d.put('files', entry),
        () => files.set(entry.key, entry),
      );
    },

    async forgetFileId(contentHash, baseUrl) {
      const key = fileKey(contentHash, baseUrl);
      files.delete(key);
      await write(
        (d) => d.delete('files', key),
        () => undefined,
      );
    },
  };
}
