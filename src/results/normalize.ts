import type {
  ExtractField,
  NormalizedResult,
  ResultKind,
  SplitRange,
} from './model';
import { finiteOrNull, isObject } from './guards';
import { computeMetrics } from './metrics';
import { normalizeExtract } from './normalize-extract';
import { normalizeParses, type ParsedDocuments } from './normalize-parse';
import { normalizeSplit } from './normalize-split';

const NO_DOCUMENTS: ParsedDocuments = {
  documents: [],
  blocks: [],
  chunks: [],
  pages: [],
  unresolvedUrlResults: false,
  warnings: [],
};

function isParseResult(value: unknown): boolean {
  return (
    isObject(value) &&
    (value.type === 'full' ||
      value.type === 'url' ||
      Array.isArray(value.chunks))
  );
}

function isParseResponse(value: unknown): boolean {
  return (
    isObject(value) &&
    (value.response_type === 'parse' || isParseResult(value.result))
  );
}

function isPipelineResponse(
  value: unknown,
): value is { result: Record<string, unknown> } {
  if (!isObject(value) || !isObject(value.result)) return false;
  const result = value.result;
  return (
    value.response_type === 'pipeline' ||
    'parse' in result ||
    'extract' in result ||
    'split' in result
  );
}

function isExtractResponse(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (
    value.response_type === 'extract' ||
    value.response_type === 'v3_extract'
  ) {
    return true;
  }
  return (
    'result' in value && isObject(value.usage) && 'num_fields' in value.usage
  );
}

function isSplitResponse(value: unknown): boolean {
  return (
    isObject(value) &&
    (value.response_type === 'split' ||
      (isObject(value.result) && Array.isArray(value.result.splits)))
  );
}

/** A completed job (`GET /job/{id}`) wraps the response in `result`. */
function unwrapJob(raw: unknown): { value: unknown; warning: string | null } {
  if (!isObject(raw) || typeof raw.status !== 'string' || 'usage' in raw) {
    return { value: raw, warning: null };
  }
  if (isObject(raw.result)) return { value: raw.result, warning: null };
  return {
    value: raw,
    warning: `This is a job with status "${raw.status}" and no result yet.`,
  };
}

function usageOf(value: unknown): {
  pages: number | null;
  credits: number | null;
} {
  const usage = isObject(value) && isObject(value.usage) ? value.usage : {};
  return {
    pages: finiteOrNull(usage.num_pages),
    credits: finiteOrNull(usage.credits),
  };
}

interface Parts {
  kind: ResultKind;
  parsed: ParsedDocuments;
  extract: ExtractField[] | null;
  split: SplitRange[] | null;
  pages: number | null;
  credits: number | null;
  warnings: string[];
}

function partsOf(value: unknown): Parts {
  const empty = {
    parsed: NO_DOCUMENTS,
    extract: null,
    split: null,
    warnings: [],
  };
  if (isPipelineResponse(value)) {
    const { parse, extract, split } = value.result;
    const parses =
      parse === null || parse === undefined
        ? []
        : Array.isArray(parse)
          ? parse
          : [parse];
    const e = normalizeExtract(extract);
    const s = normalizeSplit(split);
    return {
      kind: 'pipeline',
      parsed: normalizeParses(parses),
      extract: e.fields,
      split: s.ranges,
      ...usageOf(value),
      warnings: [...e.warnings, ...s.warnings],
    };
  }
  if (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(isParseResponse)
  ) {
    const usages = value.map(usageOf);
    const known = (xs: (number | null)[]) =>
      xs.every((x) => x !== null)
        ? xs.reduce<number>((a, b) => a + (b ?? 0), 0)
        : null;
    return {
      ...empty,
      kind: 'parse',
      parsed: normalizeParses(value),
      pages: known(usages.map((u) => u.pages)),
      credits: known(usages.map((u) => u.credits)),
    };
  }
  if (isParseResponse(value)) {
    return {
      ...empty,
      kind: 'parse',
      parsed: normalizeParses([value]),
      ...usageOf(value),
    };
  }
  if (isObject(value) && value.type === 'full' && Array.isArray(value.chunks)) {
    // A bare FullResult, e.g. the body fetched from a URL result.
    return {
      ...empty,
      kind: 'parse',
      parsed: normalizeParses([{ result: value }]),
      pages: null,
      credits: null,
    };
  }
  if (
    isExtractResponse(value) ||
    (Array.isArray(value) &&
      value.length > 0 &&
      value.every((v) => isObject(v) && 'split_name' in v))
  ) {
    const e = normalizeExtract(value);
    return {
      ...empty,
      kind: 'extract',
      extract: e.fields,
      ...usageOf(value),
      warnings: e.warnings,
    };
  }
  if (isSplitResponse(value)) {
    const s = normalizeSplit(value);
    return {
      ...empty,
      kind: 'split',
      split: s.ranges,
      ...usageOf(value),
      warnings: s.warnings,
    };
  }
  return {
    ...empty,
    kind: 'unknown',
    pages: null,
    credits: null,
    warnings: [describeUnknown(value)],
  };
}

function describeUnknown(value: unknown): string {
  const what =
    value === null
      ? 'empty (null)'
      : Array.isArray(value)
        ? 'a list'
        : typeof value === 'object'
          ? 'an object'
          : `a ${typeof value}`;
  return `The result is ${what} in a shape this app does not know; showing the JSON instead.`;
}

/**
 * Turns any response into the NormalizedResult shape. Never throws: an
 * unexpected shape, or a failure while reading one, gives kind 'unknown'.
 */
export function normalizeResponse(raw: unknown): NormalizedResult {
  const { value, warning } = unwrapJob(raw);
  let parts: Parts;
  try {
    parts = partsOf(value);
  } catch (error) {
    // Defence in depth: the readers are defensive, but a getter or a cyclic
    // structure in hand-made input must not take the page down.
    const reason = error instanceof Error ? error.message : String(error);
    parts = {
      kind: 'unknown',
      parsed: NO_DOCUMENTS,
      extract: null,
      split: null,
      pages: null,
      credits: null,
      warnings: [
        `The result could not be read (${reason}); showing the JSON instead.`,
      ],
    };
  }
  const { parsed } = parts;
  const blockIndexById: Record<string, number> = {};
  parsed.blocks.forEach((block, i) => {
    blockIndexById[block.id] = i;
  });
  return {
    kind: parts.kind,
    documents: parsed.documents,
    blocks: parsed.blocks,
    blockIndexById,
    chunks: parsed.chunks,
    pages: parsed.pages,
    extract: parts.extract,
    split: parts.split,
    metrics: computeMetrics({
      documents: parsed.documents,
      blocks: parsed.blocks,
      chunkCount: parsed.chunks.length,
      extract: parts.extract,
      pages: parts.pages,
      credits: parts.credits,
    }),
    unresolvedUrlResults: parsed.unresolvedUrlResults,
    warnings: [
      ...(warning ? [warning] : []),
      ...parsed.warnings,
      ...parts.warnings,
    ],
  };
}
