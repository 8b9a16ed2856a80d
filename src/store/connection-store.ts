import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { REGION_PRESETS } from '@/api/constants';
import { checkBaseUrl, type BaseUrlCheck } from '@/lib/base-url';
import {
  STORAGE_PREFIX,
  createStorageProblems,
  createSafeJsonStorage,
  isRecord,
} from './persist-helpers';

/**
 * Where the app talks to: the API key (sessionStorage ONLY: it dies with
 * the tab and is never written anywhere else), the base URL and the queue
 * concurrency (localStorage). No key means demo mode: the built-in emulator
 * answers instead of the API.
 */

export type KeyStatus =
  'none' | 'checking' | 'valid' | 'rejected' | 'unverified';

export const DEFAULT_BASE_URL = REGION_PRESETS.us;
export const DEFAULT_CONCURRENCY = 4;
export const MIN_CONCURRENCY = 1;
export const MAX_CONCURRENCY = 16;

const SETTINGS_KEY = `${STORAGE_PREFIX}connection`;
/** The only place the key is ever stored. */
export const API_KEY_SESSION_KEY = `${STORAGE_PREFIX}api-key`;

interface ConnectionState {
  apiKey: string;
  baseUrl: string;
  concurrency: number;
  keyStatus: KeyStatus;
  /** Why the key is rejected or unverified, in words. */
  keyMessage: string | null;
  /** Saved settings could not be read or written. */
  storageProblem: string | null;
}

type PersistedConnection = Pick<ConnectionState, 'baseUrl' | 'concurrency'>;

export const clampConcurrency = (n: number) =>
  Number.isFinite(n)
    ? Math.min(MAX_CONCURRENCY, Math.max(MIN_CONCURRENCY, Math.round(n)))
    : DEFAULT_CONCURRENCY;

function readSessionKey(): string {
  try {
    return sessionStorage.getItem(API_KEY_SESSION_KEY)?.trim() ?? '';
  } catch {
    return '';
  }
}

function writeSessionKey(key: string) {
  try {
    if (key === '') sessionStorage.removeItem(API_KEY_SESSION_KEY);
    else sessionStorage.setItem(API_KEY_SESSION_KEY, key);
  } catch {
    // Blocked storage: the key still works from memory for this page.
  }
}

const problems = createStorageProblems();

function initialState(): ConnectionState {
  const apiKey = readSessionKey();
  return {
    apiKey,
    baseUrl: DEFAULT_BASE_URL,
    concurrency: DEFAULT_CONCURRENCY,
    // A key from earlier in this tab has not been checked by this page yet.
    keyStatus: apiKey === '' ? 'none' : 'unverified',
    keyMessage: null,
    storageProblem: null,
  };
}

/**
 * Builds the state of a freshly loaded page from the saved settings: keeps
 * what is valid, reports what is not. Starts from the defaults (not the
 * current state) so a rehydrate behaves exactly like a reload.
 */
function mergeSaved(saved: unknown): ConnectionState {
  const next = initialState();
  const messages = problems.takeReadProblems();
  const bad: string[] = [];
  if (saved !== undefined && !isRecord(saved)) {
    messages.push(
      'Saved connection settings were unreadable; defaults are used.',
    );
  }
  if (isRecord(saved)) readSettings(saved, next, bad);
  if (bad.length > 0) {
    messages.push(
      `The saved ${bad.join(' and ')} ${bad.length > 1 ? 'were' : 'was'} not valid, so the default is used.`,
    );
  }
  next.storageProblem = messages.length > 0 ? messages.join(' ') : null;
  return next;
}

function readSettings(
  saved: Record<string, unknown>,
  next: ConnectionState,
  bad: string[],
) {
  if (saved.baseUrl !== undefined) {
    const url =
      typeof saved.baseUrl === 'string' ? checkBaseUrl(saved.baseUrl) : null;
    if (url?.ok) next.baseUrl = url.url;
    else bad.push('API base URL');
  }
  if (saved.concurrency !== undefined) {
    const n = saved.concurrency;
    if (
      typeof n === 'number' &&
      Number.isInteger(n) &&
      n >= MIN_CONCURRENCY &&
      n <= MAX_CONCURRENCY
    ) {
      next.concurrency = n;
    } else bad.push('concurrency');
  }
}

const useConnectionStore = create<ConnectionState>()(
  persist(initialState, {
    name: SETTINGS_KEY,
    version: 1,
    storage: createSafeJsonStorage<PersistedConnection>(
      () => localStorage,
      problems,
      'connection settings',
    ),
    // Never the key, never transient status: only the two settings.
    partialize: (s) => ({ baseUrl: s.baseUrl, concurrency: s.concurrency }),
    migrate: (saved) => saved as PersistedConnection,
    merge: mergeSaved,
  }),
);

problems.connect((message) =>
  useConnectionStore.setState({ storageProblem: message }),
);

export const useApiKey = () => useConnectionStore((s) => s.apiKey);
export const useBaseUrl = () => useConnectionStore((s) => s.baseUrl);
export const useConcurrency = () => useConnectionStore((s) => s.concurrency);
export const useIsDemo = () => useConnectionStore((s) => s.apiKey === '');
export const useKeyStatus = () => useConnectionStore((s) => s.keyStatus);
export const useKeyMessage = () => useConnectionStore((s) => s.keyMessage);
export const useConnectionStorageProblem = () =>
  useConnectionStore((s) => s.storageProblem);

/** Only applies a check's outcome if the key is still the one checked. */
const isCurrentKey = (key: string | undefined) =>
  key === undefined || key === useConnectionStore.getState().apiKey;

export const connectionActions = {
  /** A key typed or pasted by the person; '' means "no key" (demo mode). */
  keyEntered(key: string) {
    const trimmed = key.trim();
    if (trimmed === '') {
      connectionActions.keyCleared();
      return;
    }
    writeSessionKey(trimmed);
    useConnectionStore.setState({
      apiKey: trimmed,
      keyStatus: 'unverified',
      keyMessage: null,
    });
  },
  keyCleared() {
    writeSessionKey('');
    useConnectionStore.setState({
      apiKey: '',
      keyStatus: 'none',
      keyMessage: null,
    });
  },
  keyCheckStarted(key?: string) {
    if (!isCurrentKey(key)) return;
    useConnectionStore.setState({ keyStatus: 'checking', keyMessage: null });
  },
  keyAccepted(key?: string) {
    if (!isCurrentKey(key)) return;
    useConnectionStore.setState({ keyStatus: 'valid', keyMessage: null });
  },
  /**
   * The API refused the key (401). Called by the key check and by the runs
   * queue; the connection panel then asks for a new key.
   */
  keyRejected(details: { message?: string; key?: string } = {}) {
    if (!isCurrentKey(details.key)) return;
    if (useConnectionStore.getState().apiKey === '') return;
    useConnectionStore.setState({
      keyStatus: 'rejected',
      keyMessage:
        details.message ??
        'The API answered 401: this key is not valid for this base URL.',
    });
  },
  /** The check could not be made (offline, CORS, server error). */
  keyUnverified(message: string, key?: string) {
    if (!isCurrentKey(key)) return;
    if (useConnectionStore.getState().apiKey === '') return;
    useConnectionStore.setState({
      keyStatus: 'unverified',
      keyMessage: message,
    });
  },
  /** Applies a valid URL; an invalid one changes nothing and says why. */
  baseUrlChanged(input: string): BaseUrlCheck {
    const result = checkBaseUrl(input);
    if (!result.ok) return result;
    const { baseUrl, apiKey } = useConnectionStore.getState();
    if (result.url === baseUrl) return result;
    useConnectionStore.setState({
      baseUrl: result.url,
      // A key belongs to one deployment: it must be checked again.
      ...(apiKey !== '' && { keyStatus: 'unverified', keyMessage: null }),
    });
    return result;
  },
  concurrencyChanged(n: number) {
    useConnectionStore.setState({ concurrency: clampConcurrency(n) });
  },
  storageProblemDismissed() {
    useConnectionStore.setState({ storageProblem: null });
  },
};

export interface ConnectionSnapshot {
  apiKey: string;
  baseUrl: string;
  concurrency: number;
  demo: boolean;
}

/** Non-React read access, for commands and the runs queue. */
export function getConnection(): ConnectionSnapshot {
  const { apiKey, baseUrl, concurrency } = useConnectionStore.getState();
  return { apiKey, baseUrl, concurrency, demo: apiKey === '' };
}

/**
 * The key to send to `baseUrl`: the current key only while `baseUrl` is the
 * selected one. A client built for an earlier base URL (a cell still
 * polling the old region) must not carry a key entered for the new one.
 */
export function apiKeyFor(baseUrl: string): string | null {
  const { apiKey, baseUrl: selected } = useConnectionStore.getState();
  return apiKey !== '' && selected === baseUrl ? apiKey : null;
}

/**
 * Called with the key each time the API accepts it (the key check): a
 * queue paused on a 401 may go on, e.g. after the account was fixed.
 */
export function subscribeKeyAccepted(
  listener: (apiKey: string) => void,
): () => void {
  return useConnectionStore.subscribe((next, previous) => {
    if (next.keyStatus === 'valid' && previous.keyStatus !== 'valid') {
      listener(next.apiKey);
    }
  });
}

/** Called when the key, base URL or concurrency change (not on status). */
export function subscribeConnection(
  listener: (connection: ConnectionSnapshot) => void,
): () => void {
  return useConnectionStore.subscribe((next, previous) => {
    if (
      next.apiKey !== previous.apiKey ||
      next.baseUrl !== previous.baseUrl ||
      next.concurrency !== previous.concurrency
    ) {
      listener(getConnection());
    }
  });
}

/**
 * Back to a fresh page's state: re-reads sessionStorage and the saved
 * settings. For tests (a "reload" without reloading the module).
 */
export function resetConnectionStore() {
  void useConnectionStore.persist.rehydrate();
}
