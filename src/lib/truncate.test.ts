import {
  truncateForDisplay,
  truncatePieces,
  withLongStringsCut,
} from './truncate';

describe('truncateForDisplay', () => {
  it('leaves short text whole', () => {
    expect(truncateForDisplay('hello', 10)).toEqual({
      shown: 'hello',
      hidden: 0,
    });
  });

  it('keeps the first characters and counts the rest', () => {
    expect(truncateForDisplay('abcdefghij', 4)).toEqual({
      shown: 'abcd',
      hidden: 6,
    });
  });

  it('never splits an emoji (a surrogate pair) in two', () => {
    const { shown, hidden } = truncateForDisplay('ab😀cd', 3);
    expect(shown).toBe('ab');
    expect(hidden).toBe(4);
  });
});

describe('truncatePieces', () => {
  const pieces = [
    { op: 'equal', text: 'aaaa' },
    { op: 'delete', text: 'bbbb' },
    { op: 'insert', text: 'cccc' },
  ];

  it('keeps every piece when they fit', () => {
    expect(truncatePieces(pieces, 12)).toEqual({ shown: pieces, hidden: 0 });
  });

  it('cuts the piece that crosses the limit and drops the rest, counting them', () => {
    expect(truncatePieces(pieces, 6)).toEqual({
      shown: [
        { op: 'equal', text: 'aaaa' },
        { op: 'delete', text: 'bb' },
      ],
      hidden: 6,
    });
  });
});

describe('withLongStringsCut', () => {
  it('cuts long strings at any depth, leaving the rest as it is', () => {
    const data = {
      a: 'x'.repeat(10),
      b: [{ c: 'tiny', d: 'y'.repeat(12) }],
      n: 1,
    };
    const view = withLongStringsCut(data, ' (see export)', 4);
    expect(view.a).toBe('xxxx … 6 more characters (see export)');
    expect(view.b[0]?.c).toBe('tiny');
    expect(view.b[0]?.d).toBe('yyyy … 8 more characters (see export)');
    expect(view.n).toBe(1);
    expect(Array.isArray(view.b)).toBe(true);
    expect(Object.keys(view)).toEqual(['a', 'b', 'n']);
    // The data itself is untouched (the JSON export writes it whole).
    expect(data.a).toHaveLength(10);
  });

  it('reads frozen data without breaking the proxy rules', () => {
    const view = withLongStringsCut(
      Object.freeze({ a: 'x'.repeat(10) }),
      '',
      4,
    );
    expect(view.a).toHaveLength(10);
  });
});
