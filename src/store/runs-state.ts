import { create } from 'zustand';
import type { RunRecord } from '@/storage/run-record';

/**
 * The queue as a whole: idle, working, stopped until a new key is entered,
 * working slower because the API rate-limits, or only waiting for a
 * document password.
 */
export type QueueState =
  'idle' | 'running' | 'paused-auth' | 'slowed' | 'waiting-password';

/** A document whose runs wait for its password. */
export interface PasswordPrompt {
  documentKey: string;
  documentName: string;
  /** True when a password was given and the API refused it. */
  retry: boolean;
}

export interface RunsState {
  records: Record<string, RunRecord>;
  hydrated: boolean;
  queueState: QueueState;
  /** Queue-level message for the live region (paused, slowed down). */
  queueMessage: string | null;
  /** Storage degraded to memory (IndexedDB unavailable or full). */
  storageWarning: string | null;
  /** Stored records that could not be read were set aside. */
  storageNotice: string | null;
  passwordPrompts: PasswordPrompt[];
}

export const initialRunsState: RunsState = {
  records: {},
  hydrated: false,
  queueState: 'idle',
  queueMessage: null,
  storageWarning: null,
  storageNotice: null,
  passwordPrompts: [],
};

/**
 * The raw store. Internal to src/store: the queue writes through it,
 * everything else reads through the hooks in runs-store.ts.
 */
export const runsState = create<RunsState>()(() => initialRunsState);

export const getRunRecord = (id: string): RunRecord | undefined =>
  runsState.getState().records[id];

/** Puts a whole record (insert or replace). */
export function putRecord(record: RunRecord) {
  runsState.setState((s) => ({
    records: { ...s.records, [record.id]: record },
  }));
}

/** Merges a patch into a record; unknown ids are ignored. */
export function patchRecord(
  id: string,
  patch: Partial<RunRecord>,
): RunRecord | undefined {
  const current = runsState.getState().records[id];
  if (!current) return undefined;
  const next = { ...current, ...patch };
  putRecord(next);
  return next;
}

export function removeRecord(id: string) {
  runsState.setState((s) => {
    if (!(id in s.records)) return {};
    const records = { ...s.records };
    delete records[id];
    return { records };
  });
}
