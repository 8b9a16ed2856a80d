import type { SplitPartitionRange, SplitRange } from './model';
import { highLowOrNull, isObject, sortedPages, stringOrNull } from './guards';

/** Deep split lists pages as `{ page_number, evidence }`; plain split as numbers. */
function readPages(raw: unknown): number[] {
  if (!Array.isArray(raw)) return [];
  return sortedPages(
    raw.map((p: unknown) => (isObject(p) ? p.page_number : p)),
  );
}

function readPartition(raw: unknown): SplitPartitionRange | null {
  if (!isObject(raw)) return null;
  return {
    name: stringOrNull(raw.name) ?? '(unnamed partition)',
    pages: readPages(raw.pages),
    conf: highLowOrNull(raw.conf),
  };
}

export interface NormalizedSplit {
  ranges: SplitRange[] | null;
  warnings: string[];
}

/** Normalises `result.split` (a SplitResponse: plain or deep split). */
export function normalizeSplit(split: unknown): NormalizedSplit {
  if (split === null || split === undefined)
    return { ranges: null, warnings: [] };
  const result = isObject(split) ? split.result : undefined;
  if (!isObject(result) || !Array.isArray(result.splits)) {
    return {
      ranges: null,
      warnings: [
        'The split result has a shape this app does not know; see the JSON view.',
      ],
    };
  }
  const seen = new Map<string, number>();
  const ranges: SplitRange[] = [];
  for (const raw of result.splits) {
    if (!isObject(raw)) continue;
    const name = stringOrNull(raw.name) ?? '(unnamed split)';
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    ranges.push({
      key: count === 1 ? name : `${name}#${count}`,
      name,
      pages: readPages(raw.pages),
      conf: highLowOrNull(raw.conf),
      partitions: Array.isArray(raw.partitions)
        ? raw.partitions
            .map(readPartition)
            .filter((p): p is SplitPartitionRange => p !== null)
        : [],
    });
  }
  return { ranges, warnings: [] };
}
