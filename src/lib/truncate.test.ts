import { truncateForDisplay, truncatePieces } from './truncate';

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
