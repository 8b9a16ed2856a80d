/** Defensive readers for untrusted JSON: never throw, return null on a mismatch. */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function finiteOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** A 1-based page number, or null when the value is not a positive integer. */
export function pageOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1
    ? value
    : null;
}

export function highLowOrNull(value: unknown): 'high' | 'low' | null {
  return value === 'high' || value === 'low' ? value : null;
}

/** Distinct valid pages, ascending. */
export function sortedPages(values: readonly unknown[]): number[] {
  const pages = new Set<number>();
  for (const value of values) {
    const page = pageOrNull(value);
    if (page !== null) pages.add(page);
  }
  return [...pages].sort((a, b) => a - b);
}
