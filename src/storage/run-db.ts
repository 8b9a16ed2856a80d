import { openDB } from 'idb';
import type { DBSchema, IDBPDatabase } from 'idb';
import type { RunRecord, RunResult } from './run-record';

export const RUN_DB_NAME = 'reducto-compare';
/**
 * Schema version. Bump it and extend `upgrade` when a store or index
 * changes; old versions are migrated step by step, never dropped.
 */
export const RUN_DB_VERSION = 1;

/** A remembered upload: the same content on the same API reuses its file_id. */
export interface CachedFileId {
  /** `${baseUrl}|${contentHash}`. */
  key: string;
  fileId: string;
  uploadedAt: number;
}

/** A stored value that failed validation, kept aside instead of deleted. */
export interface SetAsideRecord {
  key: string;
  store: 'runs' | 'results';
  reason: string;
  value: unknown;
  setAsideAt: number;
}

export interface RunDbSchema extends DBSchema {
  runs: {
    key: string;
    value: RunRecord;
    indexes: { documentKey: string };
  };
  results: { key: string; value: RunResult };
  files: { key: string; value: CachedFileId };
  'set-aside': { key: string; value: SetAsideRecord };
}

export type RunDb = IDBPDatabase<RunDbSchema>;

/** Opens (and creates or upgrades) the run history database. */
export function openRunDb(name: string = RUN_DB_NAME): Promise<RunDb> {
  if (typeof indexedDB === 'undefined') {
    return Promise.reject(new Error('IndexedDB is not available.'));
  }
  return openDB<RunDbSchema>(name, RUN_DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const runs = db.createObjectStore('runs', { keyPath: 'id' });
        runs.createIndex('documentKey', 'documentKey');
        db.createObjectStore('results', { keyPath: 'runId' });
        db.createObjectStore('files', { keyPath: 'key' });
        db.createObjectStore('set-aside', { keyPath: 'key' });
      }
    },
    // Another tab wants a newer schema: close, or its upgrade would wait
    // for this tab forever. The repository reopens on its next access (and
    // reports storage unavailable if the schema is now newer than this code).
    blocking(_currentVersion, _blockedVersion, event) {
      (event.target as IDBDatabase).close();
    },
  });
}
