import type {
  ExtractField,
  FieldDiff,
  FieldValue,
  SplitDiff,
  SplitRange,
} from './model';

function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (a === b) return true;
  // Only empty [] / {} leaves reach here as objects.
  return (
    typeof a === 'object' &&
    typeof b === 'object' &&
    JSON.stringify(a) === JSON.stringify(b)
  );
}

function citedPages(field: ExtractField): string {
  return [...new Set(field.citations.map((c) => c.page))].sort().join(',');
}

/**
 * Field-by-field comparison by path. Candidate order; each removed field is
 * placed just before the next baseline field that still exists (so a removed
 * field keeps its neighbours, and one removed from the end stays at the end,
 * after fields added there).
 */
export function diffExtract(
  baseline: readonly ExtractField[] | null,
  candidate: readonly ExtractField[] | null,
): FieldDiff[] {
  const before = baseline ?? [];
  const after = candidate ?? [];
  const afterByPath = new Map(after.map((f) => [f.path, f]));
  const beforeByPath = new Map(before.map((f) => [f.path, f]));

  // Removed fields keyed by the path of the next surviving baseline field
  // (null = none: at the end).
  const removedBefore = new Map<string | null, ExtractField[]>();
  let pending: ExtractField[] = [];
  for (const field of before) {
    if (!afterByPath.has(field.path)) {
      pending.push(field);
    } else if (pending.length > 0) {
      removedBefore.set(field.path, pending);
      pending = [];
    }
  }
  removedBefore.set(null, pending);

  const removed = (f: ExtractField): FieldDiff => ({
    path: f.path,
    fieldPath: f.fieldPath,
    splitName: f.splitName,
    status: 'removed',
    oldValue: f.value,
    newValue: undefined,
    citationsChanged: false,
  });

  const diffs: FieldDiff[] = [];
  for (const field of after) {
    const old = beforeByPath.get(field.path);
    if (old !== undefined) {
      diffs.push(...(removedBefore.get(field.path) ?? []).map(removed));
    }
    diffs.push({
      path: field.path,
      fieldPath: field.fieldPath,
      splitName: field.splitName,
      status:
        old === undefined
          ? 'added'
          : sameValue(old.value, field.value)
            ? 'unchanged'
            : 'changed',
      oldValue: old?.value,
      newValue: field.value,
      citationsChanged:
        old !== undefined && citedPages(old) !== citedPages(field),
    });
  }
  diffs.push(...(removedBefore.get(null) ?? []).map(removed));
  return diffs;
}

function samePages(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((p, i) => p === b[i]);
}

/** Split ranges compared by key; candidate order, removed splits last. */
export function diffSplit(
  baseline: readonly SplitRange[] | null,
  candidate: readonly SplitRange[] | null,
): SplitDiff[] {
  const before = new Map((baseline ?? []).map((s) => [s.key, s]));
  const afterKeys = new Set((candidate ?? []).map((s) => s.key));
  const diffs: SplitDiff[] = (candidate ?? []).map((split) => {
    const old = before.get(split.key);
    if (old === undefined) {
      return {
        key: split.key,
        name: split.name,
        status: 'added',
        oldPages: null,
        newPages: split.pages,
        pagesAdded: split.pages,
        pagesRemoved: [],
        confChanged: false,
        partitionsChanged: false,
      };
    }
    const oldSet = new Set(old.pages);
    const newSet = new Set(split.pages);
    const pagesAdded = split.pages.filter((p) => !oldSet.has(p));
    const pagesRemoved = old.pages.filter((p) => !newSet.has(p));
    const confChanged = old.conf !== split.conf;
    const partitionsChanged =
      JSON.stringify(old.partitions) !== JSON.stringify(split.partitions);
    const same =
      samePages(old.pages, split.pages) && !confChanged && !partitionsChanged;
    return {
      key: split.key,
      name: split.name,
      status: same ? 'unchanged' : 'changed',
      oldPages: old.pages,
      newPages: split.pages,
      pagesAdded,
      pagesRemoved,
      confChanged,
      partitionsChanged,
    };
  });
  for (const old of baseline ?? []) {
    if (afterKeys.has(old.key)) continue;
    diffs.push({
      key: old.key,
      name: old.name,
      status: 'removed',
      oldPages: old.pages,
      newPages: null,
      pagesAdded: [],
      pagesRemoved: old.pages,
      confChanged: false,
      partitionsChanged: false,
    });
  }
  return diffs;
}
