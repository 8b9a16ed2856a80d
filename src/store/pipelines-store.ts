import { useMemo } from 'react';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { DEMO_PIPELINES } from '@/emulator/demo-pipelines';
import { getConnection, useIsDemo } from './connection-store';
import {
  STORAGE_PREFIX,
  createStorageProblems,
  createSafeJsonStorage,
  isRecord,
  unreadableBackupKey,
} from './persist-helpers';

/**
 * The saved pipeline list (localStorage) and which pipelines take part in
 * the next run. In demo mode the emulator's built-in demo pipelines come
 * first, followed by the person's own list (kept, so nothing disappears
 * when the key is cleared). Demo pipelines can be selected but not edited,
 * removed or moved.
 */

export interface SavedPipeline {
  id: string;
  label: string;
  selected: boolean;
  /** True for the emulator's built-in demo pipelines (demo mode only). */
  demo?: boolean;
  /** What the pipeline does (demo pipelines only). */
  description?: string;
}

export type PipelineChange = { ok: true } | { ok: false; reason: string };

interface PipelinesState {
  pipelines: SavedPipeline[];
  /** Selection of the built-in demo pipelines, by id. */
  demoSelection: Record<string, boolean>;
  storageProblem: string | null;
}

type PersistedPipelines = Pick<PipelinesState, 'pipelines' | 'demoSelection'>;

const STORAGE_KEY = `${STORAGE_PREFIX}pipelines`;

/** Two demo pipelines selected, so a first demo run already compares. */
const DEFAULT_DEMO_SELECTION: Record<string, boolean> = {
  'demo-lines': true,
  'demo-layout': true,
};

const problems = createStorageProblems();

const initialState = (): PipelinesState => ({
  pipelines: [],
  demoSelection: { ...DEFAULT_DEMO_SELECTION },
  storageProblem: null,
});

/** Reads a saved list item by item: bad items are dropped and counted. */
function readSaved(saved: Record<string, unknown>, next: PipelinesState) {
  let dropped = 0;
  if (Array.isArray(saved.pipelines)) {
    const seen = new Set<string>();
    for (const item of saved.pipelines as unknown[]) {
      const id =
        isRecord(item) && typeof item.id === 'string' ? item.id.trim() : '';
      if (!isRecord(item) || id === '' || seen.has(id)) {
        dropped++;
        continue;
      }
      seen.add(id);
      next.pipelines.push({
        id,
        label:
          typeof item.label === 'string' && item.label.trim() !== ''
            ? item.label.trim()
            : id,
        selected: item.selected !== false,
      });
    }
  } else if (saved.pipelines !== undefined) {
    dropped++;
  }
  if (isRecord(saved.demoSelection)) {
    for (const [id, on] of Object.entries(saved.demoSelection)) {
      if (typeof on === 'boolean') next.demoSelection[id] = on;
    }
  }
  return dropped;
}

/**
 * Copies the saved value, as stored, to the unreadable backup: the next
 * save writes only the readable entries, and the others must not be lost.
 */
function setAsideSavedList(): boolean {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (raw === null) return false;
    localStorage.setItem(unreadableBackupKey(STORAGE_KEY), raw);
    return true;
  } catch {
    return false;
  }
}

function mergeSaved(saved: unknown): PipelinesState {
  const next = initialState();
  const messages = problems.takeReadProblems();
  if (saved !== undefined && !isRecord(saved)) {
    messages.push(
      'The saved pipeline list was unreadable, so it starts empty.',
    );
  }
  if (isRecord(saved)) {
    const dropped = readSaved(saved, next);
    if (dropped > 0) {
      const kept = setAsideSavedList()
        ? ` The old list was kept in browser storage under “${unreadableBackupKey(STORAGE_KEY)}”.`
        : '';
      messages.push(
        `${dropped} saved pipeline ${dropped === 1 ? 'entry was' : 'entries were'} unreadable and left out.${kept}`,
      );
    }
  }
  next.storageProblem = messages.length > 0 ? messages.join(' ') : null;
  return next;
}

const usePipelinesStore = create<PipelinesState>()(
  persist(initialState, {
    name: STORAGE_KEY,
    version: 1,
    storage: createSafeJsonStorage<PersistedPipelines>(
      () => localStorage,
      problems,
      'pipelines',
    ),
    partialize: (s) => ({
      pipelines: s.pipelines.map(({ id, label, selected }) => ({
        id,
        label,
        selected,
      })),
      demoSelection: s.demoSelection,
    }),
    migrate: (saved) => saved as PersistedPipelines,
    merge: mergeSaved,
  }),
);

problems.connect((message) =>
  usePipelinesStore.setState({ storageProblem: message }),
);

const DEMO_IDS = new Set(DEMO_PIPELINES.map((p) => p.id));

const demoPipelines = (selection: Record<string, boolean>): SavedPipeline[] =>
  DEMO_PIPELINES.map((p) => ({
    id: p.id,
    label: p.label,
    description: p.description,
    selected: selection[p.id] ?? false,
    demo: true,
  }));

function visiblePipelines(
  state: Pick<PipelinesState, 'pipelines' | 'demoSelection'>,
  demo: boolean,
): SavedPipeline[] {
  if (!demo) return state.pipelines;
  // A saved copy of a demo ID (added while pointed at the emulator server)
  // would show twice; the built-in one stands for both.
  const own = state.pipelines.filter((p) => !DEMO_IDS.has(p.id));
  return [...demoPipelines(state.demoSelection), ...own];
}

/** The list as shown: demo pipelines first in demo mode, then saved ones. */
export function useSavedPipelines(): SavedPipeline[] {
  const pipelines = usePipelinesStore((s) => s.pipelines);
  const demoSelection = usePipelinesStore((s) => s.demoSelection);
  const demo = useIsDemo();
  return useMemo(
    () => visiblePipelines({ pipelines, demoSelection }, demo),
    [pipelines, demoSelection, demo],
  );
}

export function useSelectedPipelines(): SavedPipeline[] {
  const all = useSavedPipelines();
  return useMemo(() => all.filter((p) => p.selected), [all]);
}

export const usePipelinesStorageProblem = () =>
  usePipelinesStore((s) => s.storageProblem);

export function getSavedPipelines(): SavedPipeline[] {
  return visiblePipelines(usePipelinesStore.getState(), getConnection().demo);
}

/** Non-React: the pipelines of the next run, in list order. */
export function getSelectedPipelines(): SavedPipeline[] {
  return getSavedPipelines().filter((p) => p.selected);
}

const isDemoId = (id: string) => getConnection().demo && DEMO_IDS.has(id);

const DEMO_LOCKED: PipelineChange = {
  ok: false,
  reason: 'Built-in demo pipelines cannot be changed.',
};

/** Checks a new or changed ID; `except` is the pipeline being edited. */
function checkId(id: string, except?: string): PipelineChange {
  if (id === '') {
    return { ok: false, reason: 'Enter a pipeline ID (it cannot be blank).' };
  }
  if (id !== except && getSavedPipelines().some((p) => p.id === id)) {
    return { ok: false, reason: `“${id}” is already in the list.` };
  }
  return { ok: true };
}

const updateList = (update: (list: SavedPipeline[]) => SavedPipeline[]) =>
  usePipelinesStore.setState((s) => ({ pipelines: update(s.pipelines) }));

export const pipelinesActions = {
  /** Adds a pipeline; the ID is trimmed, the label defaults to the ID. */
  added(id: string, label = ''): PipelineChange {
    const trimmed = id.trim();
    const check = checkId(trimmed);
    if (!check.ok) return check;
    const pipeline: SavedPipeline = {
      id: trimmed,
      label: label.trim() || trimmed,
      selected: true,
    };
    updateList((list) => [...list, pipeline]);
    return check;
  },
  edited(id: string, change: { label?: string; id?: string }): PipelineChange {
    if (isDemoId(id)) return DEMO_LOCKED;
    const current = usePipelinesStore
      .getState()
      .pipelines.find((p) => p.id === id);
    if (!current) return { ok: false, reason: `“${id}” is not in the list.` };
    const nextId = change.id === undefined ? id : change.id.trim();
    const check = checkId(nextId, id);
    if (!check.ok) return check;
    const nextLabel =
      change.label === undefined
        ? current.label
        : change.label.trim() || nextId;
    updateList((list) =>
      list.map((p) =>
        p.id === id ? { ...p, id: nextId, label: nextLabel } : p,
      ),
    );
    return check;
  },
  removed(id: string) {
    if (isDemoId(id)) return;
    updateList((list) => list.filter((p) => p.id !== id));
  },
  /** Moves a saved pipeline up (delta < 0) or down within the saved list. */
  moved(id: string, delta: number) {
    updateList((list) => {
      const from = list.findIndex((p) => p.id === id);
      if (from < 0) return list;
      const to = Math.min(list.length - 1, Math.max(0, from + delta));
      if (to === from) return list;
      const next = [...list];
      const [item] = next.splice(from, 1);
      if (item) next.splice(to, 0, item);
      return next;
    });
  },
  selectionToggled(id: string, selected: boolean) {
    if (isDemoId(id)) {
      usePipelinesStore.setState((s) => ({
        demoSelection: { ...s.demoSelection, [id]: selected },
      }));
      return;
    }
    updateList((list) =>
      list.map((p) => (p.id === id ? { ...p, selected } : p)),
    );
  },
  storageProblemDismissed() {
    usePipelinesStore.setState({ storageProblem: null });
  },
};

/** Back to a freshly loaded page's state, re-read from storage (tests). */
export function resetPipelinesStore() {
  void usePipelinesStore.persist.rehydrate();
}
