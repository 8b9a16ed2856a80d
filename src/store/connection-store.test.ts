import { act, renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  API_KEY_SESSION_KEY,
  DEFAULT_BASE_URL,
  connectionActions,
  getConnection,
  resetConnectionStore,
  subscribeConnection,
  useConcurrency,
  useConnectionStorageProblem,
  useIsDemo,
  useKeyStatus,
} from './connection-store';
import { unreadableBackupKey } from './persist-helpers';

const SETTINGS_KEY = 'reducto-compare:connection';

/** Everything the page could have written, to look for the key in. */
const everythingStored = () =>
  [
    ...Object.keys(localStorage).map(
      (k) => `${k}=${localStorage.getItem(k) ?? ''}`,
    ),
    window.location.href,
  ].join('\n');

beforeEach(() => {
  resetConnectionStore();
});

describe('connection store', () => {
  it('starts in demo mode with the US region and concurrency 4', () => {
    expect(getConnection()).toEqual({
      apiKey: '',
      baseUrl: DEFAULT_BASE_URL,
      concurrency: 4,
      demo: true,
    });
    const { result } = renderHook(() => useIsDemo());
    expect(result.current).toBe(true);
  });

  it('keeps the key in sessionStorage and nowhere else', () => {
    act(() => connectionActions.keyEntered('  sk-secret-123  '));
    expect(sessionStorage.getItem(API_KEY_SESSION_KEY)).toBe('sk-secret-123');
    expect(getConnection()).toMatchObject({
      apiKey: 'sk-secret-123',
      demo: false,
    });
    connectionActions.baseUrlChanged('https://eu.platform.reducto.ai');
    connectionActions.concurrencyChanged(8);
    expect(localStorage.getItem(SETTINGS_KEY)).not.toBeNull();
    expect(everythingStored()).not.toContain('sk-secret-123');
  });

  it('forgets the key when cleared and returns to demo mode', () => {
    connectionActions.keyEntered('sk-1');
    connectionActions.keyCleared();
    expect(sessionStorage.getItem(API_KEY_SESSION_KEY)).toBeNull();
    expect(getConnection().demo).toBe(true);
    connectionActions.keyEntered('   ');
    expect(getConnection().demo).toBe(true);
  });

  it('restores the key of this tab and the saved settings after a reload', () => {
    connectionActions.keyEntered('sk-1');
    connectionActions.baseUrlChanged('http://127.0.0.1:4010/');
    connectionActions.concurrencyChanged(2);
    resetConnectionStore();
    expect(getConnection()).toEqual({
      apiKey: 'sk-1',
      baseUrl: 'http://127.0.0.1:4010',
      concurrency: 2,
      demo: false,
    });
    const { result } = renderHook(() => useKeyStatus());
    expect(result.current).toBe('unverified');
  });

  it('keeps the last valid base URL when given an invalid one', () => {
    connectionActions.baseUrlChanged('https://au.platform.reducto.ai');
    const result = connectionActions.baseUrlChanged('http://example.com');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/https/);
    expect(getConnection().baseUrl).toBe('https://au.platform.reducto.ai');
  });

  it('clamps concurrency to 1..16', () => {
    const { result } = renderHook(() => useConcurrency());
    act(() => connectionActions.concurrencyChanged(0));
    expect(result.current).toBe(1);
    act(() => connectionActions.concurrencyChanged(99));
    expect(result.current).toBe(16);
    act(() => connectionActions.concurrencyChanged(Number.NaN));
    expect(result.current).toBe(4);
  });

  it('marks the key rejected, ignoring verdicts about an older key', () => {
    connectionActions.keyEntered('sk-old');
    connectionActions.keyEntered('sk-new');
    connectionActions.keyRejected({ key: 'sk-old' });
    const { result } = renderHook(() => useKeyStatus());
    expect(result.current).toBe('unverified');
    act(() => connectionActions.keyRejected());
    expect(result.current).toBe('rejected');
  });

  it('asks for a new check when the base URL changes', () => {
    connectionActions.keyEntered('sk-1');
    connectionActions.keyAccepted('sk-1');
    const { result } = renderHook(() => useKeyStatus());
    expect(result.current).toBe('valid');
    act(() => {
      connectionActions.baseUrlChanged('https://eu.platform.reducto.ai');
    });
    expect(result.current).toBe('unverified');
  });

  it('tells subscribers about key, URL and concurrency changes only', () => {
    const listener = vi.fn();
    const unsubscribe = subscribeConnection(listener);
    connectionActions.keyEntered('sk-1');
    connectionActions.keyCheckStarted('sk-1');
    connectionActions.concurrencyChanged(3);
    unsubscribe();
    connectionActions.concurrencyChanged(5);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(listener).toHaveBeenLastCalledWith(
      expect.objectContaining({ concurrency: 3, apiKey: 'sk-1' }),
    );
  });

  it('falls back to defaults with a message when saved JSON is corrupt', () => {
    localStorage.setItem(SETTINGS_KEY, '{"state": {"baseUrl": ');
    resetConnectionStore();
    expect(getConnection().baseUrl).toBe(DEFAULT_BASE_URL);
    const { result } = renderHook(() => useConnectionStorageProblem());
    expect(result.current).toMatch(/unreadable/i);
    // The bad value is set aside, not lost.
    expect(localStorage.getItem(unreadableBackupKey(SETTINGS_KEY))).toBe(
      '{"state": {"baseUrl": ',
    );
    act(() => connectionActions.storageProblemDismissed());
    expect(result.current).toBeNull();
  });

  it('keeps valid saved values and reports invalid ones', () => {
    localStorage.setItem(
      SETTINGS_KEY,
      JSON.stringify({
        state: { baseUrl: 'ftp://nope', concurrency: 6 },
        version: 1,
      }),
    );
    resetConnectionStore();
    expect(getConnection()).toMatchObject({
      baseUrl: DEFAULT_BASE_URL,
      concurrency: 6,
    });
    const { result } = renderHook(() => useConnectionStorageProblem());
    expect(result.current).toMatch(/API base URL was not valid/);
  });

  it('keeps working in memory and says so when settings cannot be saved', () => {
    const setItem = vi
      .spyOn(Storage.prototype, 'setItem')
      .mockImplementation(() => {
        throw new DOMException('full', 'QuotaExceededError');
      });
    const { result } = renderHook(() => useConnectionStorageProblem());
    act(() => connectionActions.concurrencyChanged(7));
    setItem.mockRestore();
    expect(getConnection().concurrency).toBe(7);
    expect(result.current).toMatch(/could not be saved/);
  });
});
