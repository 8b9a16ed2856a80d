import { act, renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PIPELINES } from '@/emulator/demo-pipelines';
import { connectionActions, resetConnectionStore } from './connection-store';
import {
  getSelectedPipelines,
  pipelinesActions,
  resetPipelinesStore,
  usePipelinesStorageProblem,
  useSavedPipelines,
  useSelectedPipelines,
} from './pipelines-store';

const STORAGE_KEY = 'reducto-compare:pipelines';
const ids = () => getSelectedPipelines().map((p) => p.id);

beforeEach(() => {
  resetConnectionStore();
  resetPipelinesStore();
});

describe('pipelines store with a key', () => {
  beforeEach(() => connectionActions.keyEntered('sk-test'));

  it('adds a pipeline with a trimmed ID, selected, label defaulting to the ID', () => {
    const { result } = renderHook(() => useSavedPipelines());
    act(() => {
      expect(pipelinesActions.added('  p-1  ', ' invoices v3 ')).toEqual({
        ok: true,
      });
      pipelinesActions.added('p-2', '   ');
    });
    expect(result.current).toEqual([
      { id: 'p-1', label: 'invoices v3', selected: true },
      { id: 'p-2', label: 'p-2', selected: true },
    ]);
  });

  it.each(['', '   ', '\t\n'])('refuses the blank ID %j', (id) => {
    const change = pipelinesActions.added(id, 'x');
    expect(change).toEqual({ ok: false, reason: expect.any(String) as string });
    expect(ids()).toEqual([]);
  });

  it('refuses a duplicate ID, also after trimming', () => {
    pipelinesActions.added('p-1');
    const change = pipelinesActions.added(' p-1 ', 'again');
    expect(change.ok).toBe(false);
    if (!change.ok) expect(change.reason).toMatch(/already in the list/);
    expect(ids()).toEqual(['p-1']);
  });

  it('edits the label and the ID, refusing a duplicate or blank ID', () => {
    pipelinesActions.added('p-1', 'one');
    pipelinesActions.added('p-2', 'two');
    expect(
      pipelinesActions.edited('p-1', { id: ' p-1b ', label: 'uno' }),
    ).toEqual({
      ok: true,
    });
    expect(pipelinesActions.edited('p-1b', { id: 'p-2' }).ok).toBe(false);
    expect(pipelinesActions.edited('p-1b', { id: '  ' }).ok).toBe(false);
    expect(pipelinesActions.edited('p-1b', { label: '' }).ok).toBe(true);
    expect(getSelectedPipelines()).toEqual([
      { id: 'p-1b', label: 'p-1b', selected: true },
      { id: 'p-2', label: 'two', selected: true },
    ]);
  });

  it('removes, reorders within bounds and toggles selection', () => {
    for (const id of ['a', 'b', 'c']) pipelinesActions.added(id);
    pipelinesActions.moved('c', -1);
    expect(ids()).toEqual(['a', 'c', 'b']);
    pipelinesActions.moved('a', -1);
    pipelinesActions.moved('b', 5);
    expect(ids()).toEqual(['a', 'c', 'b']);
    pipelinesActions.selectionToggled('c', false);
    expect(ids()).toEqual(['a', 'b']);
    pipelinesActions.removed('a');
    expect(ids()).toEqual(['b']);
  });

  it('keeps the list and the selection across a reload', () => {
    pipelinesActions.added('p-1', 'one');
    pipelinesActions.added('p-2', 'two');
    pipelinesActions.selectionToggled('p-1', false);
    resetPipelinesStore();
    const { result } = renderHook(() => useSavedPipelines());
    expect(result.current).toEqual([
      { id: 'p-1', label: 'one', selected: false },
      { id: 'p-2', label: 'two', selected: true },
    ]);
  });

  it('gives a stable list between renders (no re-render loop)', () => {
    pipelinesActions.added('p-1');
    const { result, rerender } = renderHook(() => useSelectedPipelines());
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);
  });
});

describe('pipelines store in demo mode', () => {
  it('offers the demo pipelines first, two of them selected', () => {
    pipelinesActions.added('mine', 'my pipeline');
    const { result } = renderHook(() => useSavedPipelines());
    expect(result.current.map((p) => p.id)).toEqual([
      ...DEMO_PIPELINES.map((p) => p.id),
      'mine',
    ]);
    expect(ids()).toEqual(['demo-lines', 'demo-layout', 'mine']);
  });

  it('lets demo pipelines be selected but not edited or removed', () => {
    pipelinesActions.selectionToggled('demo-split', true);
    pipelinesActions.selectionToggled('demo-lines', false);
    expect(ids()).toEqual(['demo-layout', 'demo-split']);
    expect(pipelinesActions.edited('demo-split', { label: 'x' }).ok).toBe(
      false,
    );
    pipelinesActions.removed('demo-split');
    expect(ids()).toContain('demo-split');
    expect(pipelinesActions.added('demo-lines').ok).toBe(false);
  });

  it('hides the demo pipelines once a key is entered, keeping the own list', () => {
    pipelinesActions.added('mine');
    connectionActions.keyEntered('sk-test');
    expect(ids()).toEqual(['mine']);
  });
});

describe('pipelines store storage problems', () => {
  it('starts empty with a message when the saved JSON is corrupt', () => {
    localStorage.setItem(STORAGE_KEY, 'not json at all');
    resetPipelinesStore();
    connectionActions.keyEntered('sk-test');
    expect(ids()).toEqual([]);
    const { result } = renderHook(() => usePipelinesStorageProblem());
    expect(result.current).toMatch(/unreadable/i);
  });

  it('keeps the readable entries and reports the others', () => {
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({
        state: {
          pipelines: [
            { id: 'good', label: 'Good', selected: true },
            { id: '   ' },
            42,
            { id: 'good', label: 'twice' },
          ],
        },
        version: 1,
      }),
    );
    resetPipelinesStore();
    connectionActions.keyEntered('sk-test');
    expect(ids()).toEqual(['good']);
    const { result } = renderHook(() => usePipelinesStorageProblem());
    expect(result.current).toMatch(/3 saved pipeline entries/);
  });

  it('sets the saved list aside before a save drops its unreadable entries', () => {
    const saved = JSON.stringify({
      state: { pipelines: [{ id: 'good' }, { label: 'no id' }] },
      version: 1,
    });
    localStorage.setItem(STORAGE_KEY, saved);
    resetPipelinesStore();
    connectionActions.keyEntered('sk-test');
    act(() => {
      pipelinesActions.added('p-2');
    });
    expect(ids()).toEqual(['good', 'p-2']);
    expect(localStorage.getItem(`${STORAGE_KEY}:unreadable`)).toBe(saved);
    const { result } = renderHook(() => usePipelinesStorageProblem());
    expect(result.current).toMatch(
      /1 saved pipeline entry was unreadable and left out\. The old list was kept in browser storage under “reducto-compare:pipelines:unreadable”\./,
    );
  });

  it('keeps the change in memory and says so when the list cannot be saved', () => {
    connectionActions.keyEntered('sk-test');
    const setItem = vi
      .spyOn(Storage.prototype, 'setItem')
      .mockImplementation(() => {
        throw new DOMException('full', 'QuotaExceededError');
      });
    const { result } = renderHook(() => usePipelinesStorageProblem());
    act(() => {
      pipelinesActions.added('p-1');
    });
    setItem.mockRestore();
    expect(ids()).toEqual(['p-1']);
    expect(result.current).toMatch(/could not be saved/);
  });
});
