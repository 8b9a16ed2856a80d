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
  /**
   * Called with a user-facing message when storage degrades, and with null
   * once it has recovered (a delete freed space and what was held in memory
   * was saved).
   */
  onWarning?: (message: string | null) => void;
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

/** The name of a DOMException (not an Error subclass everywhere). */
const errorName = (error: unknown) =>
  typeof error === 'object' && error !== null && 'name' in error
    ? String(error.name)
    : '';

const warningFor = (error: unknown) =>
  errorName(error) === 'QuotaExceededError'
    ? QUOTA_WARNING
    : WRITE_FAILED_WARNING;

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * IndexedDB persistence with a memory fallback. If IndexedDB cannot be
 * opened, everything lives in memory for the session. If a write fails (a
 * full quota, a broken store), new writes are held in memory while reads
 * and deletes still go to IndexedDB, so stored runs stay readable and
 * deletable; once a delete succeeds (space freed), the held writes are
 * saved and the warning is withdrawn.
 */
export function createRunRepository(
  options: RunRepositoryOptions = {},
): RunRepository {
  const open = options.open ?? (() => openRunDb());
  /** IndexedDB could not be opened: nothing reaches it this session. */
  let unavailable = false;
  /** A write failed: new writes are held in memory until space is freed. */
  let holding = false;
  let dbPromise: Promise<RunDb> | null = null;
  // Records are small: always mirrored, so memory mode still has them.
  const runs = new Map<string, RunRecord>();
  /** Ids of records whose latest version is only in memory. */
  const heldRuns = new Set<string>();
  // Results and file ids are only kept here while writes are held.
  const heldResults = new Map<string, RunResult>();
  const heldFiles = new Map<string, CachedFileId>();

  const hold = (message: string) => {
    if (holding || unavailable) return;
    holding = true;
    options.onWarning?.(message);
  };

  const db = async (): Promise<RunDb | null> => {
    if (unavailable) return null;
    try {
      dbPromise ??= open();
      return await dbPromise;
    } catch {
      dbPromise = null;
      unavailable = true;
      options.onWarning?.(UNAVAILABLE_WARNING);
      return null;
    }
  };

  /**
   * Runs `action` against the database; null when there is none. A
   * connection closed under us (another tab upgrading the schema asked it
   * to step aside) is reopened once.
   */
  const attempt = async <T>(
    action: (d: RunDb) => Promise<T>,
  ): Promise<Outcome<T> | null> => {
    for (let reopened = false; ; reopened = true) {
      const d = await db();
      if (!d) return null;
      try {
        return { ok: true, value: await action(d) };
      } catch (error) {
        if (reopened || errorName(error) !== 'InvalidStateError')
          return { ok: false, error };
        d.close();
        dbPromise = null;
      }
    }
  };

  /** Runs a write, or holds it in memory (`keep`) while writes are held. */
  const write = async (
    action: (d: RunDb) => Promise<unknown>,
    keep: () => void,
  ) => {
    if (holding) return keep();
    const outcome = await attempt(action);
    if (outcome?.ok) return;
    keep();
    if (outcome) hold(warningFor(outcome.error));
  };

  /** Saves what is held in memory; true once nothing is held any more. */
  const saveHeld = async (): Promise<boolean> => {
    const records = [...heldRuns].flatMap((id) => {
      const r = runs.get(id);
      return r ? [r] : [];
    });
    const results = [...heldResults.values()];
    const files = [...heldFiles.values()];
    const outcome = await attempt(async (d) => {
      const tx = d.transaction(['runs', 'results', 'files'], 'readwrite');
      await Promise.all([
        ...records.map((r) => tx.objectStore('runs').put(r)),
        ...results.map((r) => tx.objectStore('results').put(r)),
        ...files.map((f) => tx.objectStore('files').put(f)),
        tx.done,
      ]);
    });
    if (!outcome?.ok) return false;
    // Only what was saved is released: a write held meanwhile stays held.
    for (const r of records) if (runs.get(r.id) === r) heldRuns.delete(r.id);
    for (const r of results)
      if (heldResults.get(r.runId) === r) heldResults.delete(r.runId);
    for (const f of files)
      if (heldFiles.get(f.key) === f) heldFiles.delete(f.key);
    return heldRuns.size + heldResults.size + heldFiles.size === 0;
  };

  /** Runs a delete; if it freed space, tries to stop holding writes. */
  const remove = async (action: (d: RunDb) => Promise<unknown>) => {
    const outcome = await attempt(action);
    if (!outcome?.ok || !holding) return;
    for (let round = 0; round < 3; round++) {
      if (await saveHeld()) {
        holding = false;
        options.onWarning?.(null);
        return;
      }
    }
  };

  return {
    mode: () => (unavailable || holding ? 'memory' : 'indexeddb'),

    async loadAllRuns() {
      let rejected = 0;
      const outcome = await attempt(async (d) => {
        const tx = d.transaction(['runs', 'set-aside'], 'readwrite');
        const setAside = tx.objectStore('set-aside');
        let cursor = await tx.objectStore('runs').openCursor();
        while (cursor) {
          const value: unknown = cursor.value;
          const problem = runRecordProblem(value);
          if (problem === null) {
            // A record held in memory is newer than its stored copy.
            if (!heldRuns.has(cursor.value.id))
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
      });
      if (outcome && !outcome.ok) hold(warningFor(outcome.error));
      else if (rejected > 0) {
        options.onSetAside?.(
          rejected === 1
            ? '1 saved run could not be read and was set aside.'
            : `${rejected} saved runs could not be read and were set aside.`,
        );
      }
      return [...runs.values()];
    },

    async loadResult(runId) {
      const held = heldResults.get(runId);
      if (held) return held;
      const outcome = await attempt(async (d) => {
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
      });
      return outcome?.ok ? outcome.value : undefined;
    },

    async saveRun(record) {
      runs.set(record.id, record);
      await write(
        (d) => d.put('runs', record),
        () => heldRuns.add(record.id),
      );
    },

    async saveResult(result) {
      await write(
        (d) => d.put('results', result),
        () => heldResults.set(result.runId, result),
      );
    },

    async deleteRun(runId) {
      runs.delete(runId);
      heldRuns.delete(runId);
      heldResults.delete(runId);
      await remove(async (d) => {
        const tx = d.transaction(['runs', 'results'], 'readwrite');
        await Promise.all([
          tx.objectStore('runs').delete(runId),
          tx.objectStore('results').delete(runId),
          tx.done,
        ]);
      });
    },

    async getCachedFileId(contentHash, baseUrl, now = Date.now()) {
      const key = fileKey(contentHash, baseUrl);
      let entry = heldFiles.get(key);
      if (!entry) {
        const outcome = await attempt((d) => d.get('files', key));
        entry = outcome?.ok ? outcome.value : undefined;
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
        () => heldFiles.set(entry.key, entry),
      );
    },

    async forgetFileId(contentHash, baseUrl) {
      const key = fileKey(contentHash, baseUrl);
      heldFiles.delete(key);
      await remove((d) => d.delete('files', key));
    },
  };
}
