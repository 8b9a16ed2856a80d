import type { PersistStorage, StorageValue } from 'zustand/middleware';

/** App prefix for every storage key, so nothing collides on a shared host. */
export const STORAGE_PREFIX = 'reducto-compare:';

/**
 * Where saved data that could not be read is set aside, so a bad value is
 * never silently lost (a person or a later version can still recover it).
 */
export const unreadableBackupKey = (name: string) => `${name}:unreadable`;

/**
 * Problems met while reading or writing storage. Read problems are
 * collected while the store hydrates and taken by its `merge`, which puts
 * them into the hydrated state (so a rehydrate cannot overwrite them).
 * Write problems happen later, once the store exists; any that happen
 * before it connects are queued.
 */
export interface StorageProblems {
  readFailed(message: string): void;
  takeReadProblems(): string[];
  writeFailed(message: string): void;
  connect(deliver: (message: string) => void): void;
}

export function createStorageProblems(): StorageProblems {
  const reads: string[] = [];
  const writes: string[] = [];
  let deliver: ((message: string) => void) | null = null;
  let delivering = false;
  return {
    readFailed: (message) => void reads.push(message),
    takeReadProblems: () => reads.splice(0),
    writeFailed(message) {
      if (!deliver) {
        writes.push(message);
        return;
      }
      // Delivering sets store state, which the persist middleware tries to
      // save again: with storage still failing, that would recurse forever.
      if (delivering) return;
      delivering = true;
      try {
        deliver(message);
      } finally {
        delivering = false;
      }
    },
    connect(next) {
      deliver = next;
      for (const message of writes.splice(0)) next(message);
    },
  };
}

const safeGet = (storage: () => Storage, name: string) => {
  try {
    return { ok: true as const, raw: storage().getItem(name) };
  } catch {
    return { ok: false as const };
  }
};

/**
 * A JSON storage for zustand's persist that never throws: unreadable JSON,
 * a value of the wrong shape or blocked storage becomes "no saved data"
 * (the store keeps its defaults) plus a message in `problems`; the bad value is
 * kept under {@link unreadableBackupKey}. Failed writes (quota, private
 * mode) are reported, and the app keeps working in memory.
 */
export function createSafeJsonStorage<S>(
  storage: () => Storage,
  problems: StorageProblems,
  what: string,
): PersistStorage<S> {
  const setAside = (name: string, raw: string) => {
    try {
      storage().setItem(unreadableBackupKey(name), raw);
    } catch {
      // Nowhere to keep it; the message still tells the person.
    }
  };
  return {
    getItem(name): StorageValue<S> | null {
      const read = safeGet(storage, name);
      if (!read.ok) {
        problems.readFailed(
          `Saved ${what} could not be read because the browser blocks storage. Defaults are used and changes last only until the tab closes.`,
        );
        return null;
      }
      if (read.raw === null) return null;
      let parsed: unknown;
      try {
        parsed = JSON.parse(read.raw);
      } catch {
        parsed = undefined;
      }
      if (
        typeof parsed !== 'object' ||
        parsed === null ||
        typeof (parsed as { state?: unknown }).state !== 'object' ||
        (parsed as { state?: unknown }).state === null
      ) {
        setAside(name, read.raw);
        problems.readFailed(
          `Saved ${what} were unreadable, so defaults are used. The old value was kept in browser storage under “${unreadableBackupKey(name)}”.`,
        );
        return null;
      }
      return parsed as StorageValue<S>;
    },
    setItem(name, value) {
      try {
        storage().setItem(name, JSON.stringify(value));
      } catch {
        problems.writeFailed(
          `Your ${what} could not be saved (browser storage is full or blocked). They stay in effect until this tab closes.`,
        );
      }
    },
    removeItem(name) {
      try {
        storage().removeItem(name);
      } catch {
        // Nothing to do: the value is gone or unreachable either way.
      }
    },
  };
}

/** A plain object (not null, not an array), for shape checks in merge. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
