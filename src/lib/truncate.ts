/**
 * Document text can be millions of characters long (a runaway OCR block, a
 * whole spreadsheet in one chunk). Putting all of it in the DOM, or through
 * the Markdown renderer, freezes the page; views show the first
 * DISPLAY_LIMIT characters and offer the rest on request.
 */
export const DISPLAY_LIMIT = 20_000;

export interface Truncated<T> {
  shown: T;
  /** Characters left out (0 when nothing was cut). */
  hidden: number;
}

/** Where to cut `text` at about `max`, never between a surrogate pair. */
function cutAt(text: string, max: number): number {
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}

/** The first `max` characters of `text`, and how many were left out. */
export function truncateForDisplay(
  text: string,
  max: number = DISPLAY_LIMIT,
): Truncated<string> {
  if (text.length <= max) return { shown: text, hidden: 0 };
  const end = cutAt(text, max);
  return { shown: text.slice(0, end), hidden: text.length - end };
}

/**
 * The same for a run of text pieces (word-diff segments): whole pieces up to
 * `max` characters in all, the last one cut, and how many characters of the
 * rest were left out.
 */
export function truncatePieces<T extends { text: string }>(
  pieces: readonly T[],
  max: number = DISPLAY_LIMIT,
): Truncated<T[]> {
  const shown: T[] = [];
  let budget = max;
  let hidden = 0;
  for (const piece of pieces) {
    if (budget <= 0) {
      hidden += piece.text.length;
      continue;
    }
    const cut = truncateForDisplay(piece.text, budget);
    shown.push(cut.hidden === 0 ? piece : { ...piece, text: cut.shown });
    budget -= cut.shown.length;
    hidden += cut.hidden;
  }
  return { shown, hidden };
}

/**
 * A read-only view of JSON data in which every string longer than `max` is
 * cut, with `… N more characters<note>` appended. Lazy (a Proxy): only the
 * parts a viewer actually opens are visited, so it costs nothing on a big
 * response and never recurses through deep nesting by itself.
 */
export function withLongStringsCut<T extends object>(
  data: T,
  note = '',
  max: number = DISPLAY_LIMIT,
): T {
  const views = new WeakMap<object, object>();
  const cut = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const { shown, hidden } = truncateForDisplay(value, max);
      return hidden === 0
        ? value
        : `${shown} … ${hidden.toLocaleString('en')} more characters${note}`;
    }
    if (typeof value !== 'object' || value === null) return value;
    let view = views.get(value);
    if (view === undefined) {
      view = new Proxy(value, {
        get: (target, key) => {
          const value = Reflect.get(target, key) as unknown;
          // A proxy must return a frozen property as it is.
          const own = Reflect.getOwnPropertyDescriptor(target, key);
          return own && !own.configurable && !own.writable ? value : cut(value);
        },
      });
      views.set(value, view);
    }
    return view;
  };
  return cut(data) as T;
}
