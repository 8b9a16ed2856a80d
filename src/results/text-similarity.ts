import { diffWords } from 'diff';
import type { DiffSegment } from './model';

/** Any whitespace other than a single inner space. */
const NEEDS_NORMALIZING = /[^\S ]| {2}|^ | $/;

/** Whitespace-insensitive form used to decide "same text". */
export function normalizeText(text: string): string {
  // Most block texts are already single-spaced: testing is far cheaper
  // than replacing, and this runs for every block of both versions.
  return NEEDS_NORMALIZING.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/** Lower-cased word set of an already normalised text. */
export function tokenSet(normalized: string): Set<string> {
  return new Set(normalized === '' ? [] : normalized.toLowerCase().split(' '));
}

/** Jaccard similarity of two token sets, 0..1 (two empty sets: 1). */
export function jaccard(
  a: ReadonlySet<string>,
  b: ReadonlySet<string>,
): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const token of small) if (large.has(token)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Upper bound on edits jsdiff explores. Beyond it the texts are so different
 * that a word diff would be noise; we show old and new whole instead. A
 * bound on edits (not a timeout) keeps the result deterministic, so the
 * worker and the main thread always agree.
 */
const MAX_EDIT_LENGTH = 2000;

/** Word-level diff from the baseline text to the candidate text. */
export function wordSegments(
  baseline: string,
  candidate: string,
): DiffSegment[] {
  const changes = diffWords(baseline, candidate, {
    maxEditLength: MAX_EDIT_LENGTH,
  });
  if (changes === undefined) {
    return [
      ...(baseline ? [{ op: 'delete' as const, text: baseline }] : []),
      ...(candidate ? [{ op: 'insert' as const, text: candidate }] : []),
    ];
  }
  return changes.map((change) => ({
    op: change.added ? 'insert' : change.removed ? 'delete' : 'equal',
    text: change.value,
  }));
}
