import type { NormalizedBlock } from './model';
import { iou } from './box-overlap';
import { jaccard, normalizeText, tokenSet } from './text-similarity';

/** What alignment needs of a block (NormalizedBlock without the heavy parts). */
export type AlignableBlock = Pick<
  NormalizedBlock,
  'id' | 'docIndex' | 'type' | 'text' | 'page' | 'box'
>;

export interface Alignment {
  /** candidate index → baseline index, or -1 (added). */
  baselineOf: Int32Array;
  /** baseline index → candidate index, or -1 (removed). */
  candidateOf: Int32Array;
  /** Normalised texts, reused by the classifier. */
  baselineText: string[];
  candidateText: string[];
  /** Token similarity of each matched candidate to its baseline block (1 = same text). */
  similarity: Float64Array;
}

// Thresholds. Same page: similar text (Jaccard ≥ 0.5), or overlapping boxes
// with some shared words, or nearly the same box whatever the text (a region
// read differently). Neighbour page: clearly the same text, edited a little.
const SAME_PAGE_MIN_JACCARD = 0.5;
const SAME_PAGE_OVERLAP_IOU = 0.5;
const SAME_REGION_IOU = 0.7;
const NEIGHBOUR_PAGE_MIN_JACCARD = 0.7;
/** Exact text this long that occurs once per side is matched anywhere in the document. */
const UNIQUE_TEXT_MIN_LENGTH = 12;
/** Identical texts repeated on one page: compare each with this many neighbours in reading order. */
const SAME_TEXT_WINDOW = 32;
/**
 * Above this many candidate × baseline pairs on one page (a spreadsheet of
 * thousands of cells, every one different), the similarity passes compare
 * each candidate block only with the baseline blocks near it in reading
 * order: comparing all pairs grows with the square of the page and took
 * minutes for 20,000 blocks.
 */
const PAIR_BUDGET = 1_000_000;

interface Pair {
  score: number;
  c: number;
  b: number;
}

/** Documents × pages as one number; pages stay far below the multiplier. */
const pageKey = (docIndex: number, page: number) => docIndex * 1_000_000 + page;

function bucketByPage(blocks: readonly AlignableBlock[]): {
  buckets: Map<number, number[]>;
  rank: Int32Array;
} {
  const buckets = new Map<number, number[]>();
  const rank = new Int32Array(blocks.length);
  blocks.forEach((block, i) => {
    const key = pageKey(block.docIndex, block.page);
    let list = buckets.get(key);
    if (list === undefined) {
      list = [];
      buckets.set(key, list);
    }
    rank[i] = list.length;
    list.push(i);
  });
  return { buckets, rank };
}

/**
 * Matches candidate blocks to baseline blocks. Work is bucketed by page, so
 * the cost grows with the number of pages times the square of the blocks
 * left unmatched on one page, never with the square of the document.
 *
 * Passes, most certain first, each greedy by score over what is still free:
 *  A. identical text on the same page (box overlap, type and reading order
 *     break ties between repeats);
 *  B. identical text on the previous or next page;
 *  C. identical, reasonably long text occurring once on each side, anywhere
 *     in the same document;
 *  D. similar text and/or overlapping boxes on the same page;
 *  E. similar text on the previous or next page.
 */
export function alignBlocks(
  baseline: readonly AlignableBlock[],
  candidate: readonly AlignableBlock[],
): Alignment {
  const baselineText = baseline.map((b) => normalizeText(b.text));
  const candidateText = candidate.map((b) => normalizeText(b.text));
  const baselineOf = new Int32Array(candidate.length).fill(-1);
  const candidateOf = new Int32Array(baseline.length).fill(-1);
  const similarity = new Float64Array(candidate.length);
  const base = bucketByPage(baseline);
  const cand = bucketByPage(candidate);

  const baselineTokens: (Set<string> | undefined)[] = [];
  const candidateTokens: (Set<string> | undefined)[] = [];
  const bTokens = (i: number) =>
    (baselineTokens[i] ??= tokenSet(baselineText[i] ?? ''));
  const cTokens = (i: number) =>
    (candidateTokens[i] ??= tokenSet(candidateText[i] ?? ''));

  const assign = (pairs: Pair[]) => {
    // Stable sort: equal scores keep their (deterministic) build order.
    pairs.sort((x, y) => y.score - x.score);
    for (const { c, b } of pairs) {
      if (baselineOf[c] !== -1 || candidateOf[b] !== -1) continue;
      baselineOf[c] = b;
      candidateOf[b] = c;
      similarity[c] =
        baselineText[b] === candidateText[c]
          ? 1
          : jaccard(bTokens(b), cTokens(c));
    }
  };
  const freeCands = (key: number) =>
    (cand.buckets.get(key) ?? []).filter((c) => baselineOf[c] === -1);
  const freeBases = (key: number) =>
    (base.buckets.get(key) ?? []).filter((b) => candidateOf[b] === -1);
  const neighbourBases = (key: number) => [
    ...freeBases(key - 1),
    ...freeBases(key + 1),
  ];
  const sameType = (c: number, b: number) =>
    candidate[c]?.type === baseline[b]?.type ? 0.5 : 0;

  // A. identical text, same page.
  for (const [key, cands] of cand.buckets) {
    const bases = base.buckets.get(key);
    if (bases === undefined) continue;
    const byText = groupByText(bases, baselineText);
    const pairs: Pair[] = [];
    for (const c of cands) {
      const group = byText.get(candidateText[c] ?? '');
      if (group === undefined) continue;
      for (const b of window(group, base.rank, cand.rank[c] ?? 0)) {
        const rankGap = Math.abs((base.rank[b] ?? 0) - (cand.rank[c] ?? 0));
        pairs.push({
          score:
            1 +
            iou(candidate[c]?.box ?? null, baseline[b]?.box ?? null) +
            sameType(c, b) +
            0.25 / (1 + rankGap),
          c,
          b,
        });
      }
    }
    assign(pairs);
  }

  // B. identical text, neighbour page.
  for (const key of cand.buckets.keys()) {
    const cands = freeCands(key);
    if (cands.length === 0) continue;
    const byText = groupByText(neighbourBases(key), baselineText);
    const pairs: Pair[] = [];
    for (const c of cands) {
      for (const b of byText.get(candidateText[c] ?? '') ?? []) {
        pairs.push({ score: 1 + sameType(c, b), c, b });
      }
    }
    assign(pairs);
  }

  // C. unique long text anywhere in the same document.
  {
    const once = (
      blocks: readonly AlignableBlock[],
      texts: string[],
      free: (i: number) => boolean,
    ) => {
      const seen = new Map<string, number>();
      blocks.forEach((block, i) => {
        const text = texts[i] ?? '';
        if (!free(i) || text.length < UNIQUE_TEXT_MIN_LENGTH) return;
        const key = `${block.docIndex}\u0000${text}`;
        seen.set(key, seen.has(key) ? -1 : i);
      });
      return seen;
    };
    const bOnce = once(baseline, baselineText, (i) => candidateOf[i] === -1);
    const cOnce = once(candidate, candidateText, (i) => baselineOf[i] === -1);
    const pairs: Pair[] = [];
    for (const [key, c] of cOnce) {
      const b = bOnce.get(key);
      if (c >= 0 && b !== undefined && b >= 0) pairs.push({ score: 1, c, b });
    }
    assign(pairs);
  }

  // D. similar text or overlapping boxes, same page.
  for (const key of cand.buckets.keys()) {
    const cands = freeCands(key);
    const bases = freeBases(key);
    if (cands.length === 0 || bases.length === 0) continue;
    const pairs: Pair[] = [];
    const crowded = cands.length * bases.length > PAIR_BUDGET;
    for (const c of cands) {
      const near = crowded
        ? window(bases, base.rank, cand.rank[c] ?? 0)
        : bases;
      for (const b of near) {
        const overlap = iou(
          candidate[c]?.box ?? null,
          baseline[b]?.box ?? null,
        );
        const jac = jaccard(cTokens(c), bTokens(b));
        const accept =
          jac >= SAME_PAGE_MIN_JACCARD ||
          (overlap >= SAME_PAGE_OVERLAP_IOU && jac > 0) ||
          overlap >= SAME_REGION_IOU;
        if (accept) pairs.push({ score: jac + overlap, c, b });
      }
    }
    assign(pairs);
  }

  // E. similar text, neighbour page.
  for (const key of cand.buckets.keys()) {
    const cands = freeCands(key);
    if (cands.length === 0) continue;
    const bases = neighbourBases(key);
    const pairs: Pair[] = [];
    const crowded = cands.length * bases.length > PAIR_BUDGET;
    const before = crowded ? freeBases(key - 1) : [];
    const after = crowded ? freeBases(key + 1) : [];
    for (const c of cands) {
      const rank = cand.rank[c] ?? 0;
      const near = crowded
        ? [
            ...window(before, base.rank, rank),
            ...window(after, base.rank, rank),
          ]
        : bases;
      for (const b of near) {
        const jac = jaccard(cTokens(c), bTokens(b));
        if (jac >= NEIGHBOUR_PAGE_MIN_JACCARD) pairs.push({ score: jac, c, b });
      }
    }
    assign(pairs);
  }

  return { baselineOf, candidateOf, baselineText, candidateText, similarity };
}

function groupByText(indices: readonly number[], texts: readonly string[]) {
  const groups = new Map<string, number[]>();
  for (const i of indices) {
    const text = texts[i] ?? '';
    const group = groups.get(text);
    if (group === undefined) groups.set(text, [i]);
    else group.push(i);
  }
  return groups;
}

/**
 * The members of a same-text group (in reading order) whose rank on the
 * page is near `rank`: bounds the work when one text repeats hundreds of
 * times on a page (empty figure captions, "$" table cells).
 */
function window(
  group: readonly number[],
  ranks: Int32Array,
  rank: number,
): readonly number[] {
  if (group.length <= SAME_TEXT_WINDOW * 2) return group;
  let lo = 0;
  let hi = group.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ranks[group[mid] ?? 0] ?? 0) < rank) lo = mid + 1;
    else hi = mid;
  }
  return group.slice(Math.max(0, lo - SAME_TEXT_WINDOW), lo + SAME_TEXT_WINDOW);
}
