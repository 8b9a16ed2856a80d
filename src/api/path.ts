/**
 * Builds URL paths with every interpolated value percent-encoded, so an ID
 * can never add a path segment or a query (`path\`/job/${id}\``).
 */
export function path(
  strings: TemplateStringsArray,
  ...values: (string | number)[]
): string {
  return strings.reduce((out, literal, index) => {
    if (index === 0) return literal;
    return out + encodePathSegment(values[index - 1] ?? '') + literal;
  }, '');
}

export function encodePathSegment(value: string | number): string {
  const text = String(value);
  // '.' and '..' survive encodeURIComponent and would be resolved away.
  if (text === '' || text === '.' || text === '..')
    throw new TypeError(`Invalid path parameter: ${JSON.stringify(text)}`);
  return encodeURIComponent(text);
}
