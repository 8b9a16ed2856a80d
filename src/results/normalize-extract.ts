import type { ExtractField, FieldCitation, FieldValue } from './model';
import { highLowOrNull, isObject, stringOrNull } from './guards';
import { readBox, readSourcePage } from './normalize-parse';

/** Separates a split's key from the field path in ExtractField.path. */
export const SPLIT_PATH_SEPARATOR = ' › ';

/** Path shown for a result that is a single primitive (no field names). */
const ROOT_PATH = '(result)';

/** Extract→split list items carry `split_name`/`page_range` next to `result`. */
function isSplitItem(value: unknown): boolean {
  return isObject(value) && ('split_name' in value || 'page_range' in value);
}

/** A V3 (citations on) leaf: `{ value, citations: [...] }`. */
function isCitedValue(
  value: unknown,
): value is { value: unknown; citations: unknown[] } {
  return isObject(value) && 'value' in value && Array.isArray(value.citations);
}

function readCitation(raw: unknown): FieldCitation | null {
  if (!isObject(raw)) return null;
  return {
    page: readSourcePage(raw.bbox),
    box: readBox(raw.bbox),
    text: stringOrNull(raw.content),
    type: stringOrNull(raw.type),
    confidence: highLowOrNull(raw.confidence),
  };
}

/**
 * Fields nested deeper than this are not listed. JSON.parse copes with any
 * depth, but reading 10,000 levels recursively overflows the stack, which
 * used to turn the whole result (blocks too) into 'unknown'. No real schema
 * comes near this depth.
 */
export const MAX_FIELD_DEPTH = 100;

interface FlattenState {
  out: { path: string; value: FieldValue; citations: FieldCitation[] }[];
  /** Subtrees cut at MAX_FIELD_DEPTH. */
  tooDeep: number;
}

/** Keys that would make a dotted path ambiguous are written as ["key"]. */
function childPath(parent: string, key: string): string {
  const plain = key !== '' && !/[.[\]"]/.test(key);
  const part = plain ? key : `[${JSON.stringify(key)}]`;
  if (parent === '') return part;
  return plain ? `${parent}.${part}` : `${parent}${part}`;
}

function flatten(
  value: unknown,
  path: string,
  citations: FieldCitation[],
  state: FlattenState,
  depth: number,
): void {
  const { out } = state;
  if (depth > MAX_FIELD_DEPTH) {
    state.tooDeep++;
    return;
  }
  if (isCitedValue(value)) {
    const own = value.citations
      .map(readCitation)
      .filter((c): c is FieldCitation => c !== null);
    flatten(value.value, path, own, state, depth + 1);
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push({ path: path || ROOT_PATH, value: [], citations });
      return;
    }
    value.forEach((item, i) => {
      flatten(item, `${path}[${i}]`, citations, state, depth + 1);
    });
    return;
  }
  if (isObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) {
      out.push({ path: path || ROOT_PATH, value: {}, citations });
      return;
    }
    for (const key of keys) {
      flatten(value[key], childPath(path, key), citations, state, depth + 1);
    }
    return;
  }
  if (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  ) {
    out.push({ path: path || ROOT_PATH, value, citations });
  }
  // undefined, functions, NaN: cannot come from JSON; ignored.
}

/**
 * Flattens one extract response's `result`: a list of schema objects
 * (ExtractResponse; a single object is unwrapped so paths read
 * 'invoice.total', several get '[i].'), or an object with cited leaves (V3).
 */
function flattenExtractResult(result: unknown, state: FlattenState): void {
  if (Array.isArray(result) && result.length === 1) {
    flatten(result[0], '', [], state, 0);
  } else if (Array.isArray(result) && result.length === 0) {
    // No extracted objects at all: no fields.
  } else {
    flatten(result, '', [], state, 0);
  }
}

function tooDeepWarnings(state: FlattenState): string[] {
  return state.tooDeep > 0
    ? [
        `${state.tooDeep} extracted value(s) are nested too deeply (over ${MAX_FIELD_DEPTH} levels) to list as fields; see the JSON view.`,
      ]
    : [];
}

export interface NormalizedExtract {
  fields: ExtractField[] | null;
  warnings: string[];
}

/** Normalises `result.extract` of a pipeline, or a bare extract response. */
export function normalizeExtract(extract: unknown): NormalizedExtract {
  if (extract === null || extract === undefined) {
    return { fields: null, warnings: [] };
  }
  if (Array.isArray(extract) && extract.every(isSplitItem)) {
    const state: FlattenState = { out: [], tooDeep: 0 };
    return {
      fields: normalizeSplitItems(extract, state),
      warnings: tooDeepWarnings(state),
    };
  }
  if (isObject(extract) && 'result' in extract) {
    const state: FlattenState = { out: [], tooDeep: 0 };
    flattenExtractResult(extract.result, state);
    return {
      fields: state.out.map((f) => ({
        ...f,
        fieldPath: f.path,
        splitName: null,
      })),
      warnings: tooDeepWarnings(state),
    };
  }
  return {
    fields: null,
    warnings: [
      'The extract result has a shape this app does not know; see the JSON view.',
    ],
  };
}

function normalizeSplitItems(
  items: readonly unknown[],
  state: FlattenState,
): ExtractField[] {
  const fields: ExtractField[] = [];
  const seen = new Map<string, number>();
  for (const item of items) {
    if (!isObject(item)) continue;
    const name = stringOrNull(item.split_name) ?? '(unnamed split)';
    const partition = stringOrNull(item.partition);
    const base = partition ? `${name} (${partition})` : name;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    const splitName = count === 1 ? base : `${base}#${count}`;
    const inner = isObject(item.result) ? item.result.result : undefined;
    state.out = [];
    flattenExtractResult(inner, state);
    for (const f of state.out) {
      fields.push({
        path: `${splitName}${SPLIT_PATH_SEPARATOR}${f.path}`,
        fieldPath: f.path,
        splitName,
        value: f.value,
        citations: f.citations,
      });
    }
  }
  return fields;
}
