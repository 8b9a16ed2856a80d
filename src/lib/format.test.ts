import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatPageCount } from './format';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [812, '812 B'],
    [1000, '1 KB'],
    [1500, '1.5 KB'],
    [1_540_000, '1.5 MB'],
    [120_400_000, '120 MB'],
    [5_000_000_000, '5 GB'],
    [5_000_000_001, '5 GB'],
    [2.5e12, '2.5 TB'],
  ])('%d bytes → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('says the size is unknown for nonsense input', () => {
    expect(formatBytes(-1)).toBe('unknown size');
    expect(formatBytes(Number.NaN)).toBe('unknown size');
  });
});

describe('formatDuration', () => {
  it.each([
    [350, '350 ms'],
    [4_240, '4.2 s'],
    [42_000, '42 s'],
    [125_000, '2 min 05 s'],
    [3_720_000, '1 h 02 min'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('says unknown for negative durations', () => {
    expect(formatDuration(-5)).toBe('unknown');
  });
});

describe('formatPageCount', () => {
  it('uses singular, plural and unknown', () => {
    expect(formatPageCount(1)).toBe('1 page');
    expect(formatPageCount(12)).toBe('12 pages');
    expect(formatPageCount(null)).toBe('page count unknown');
  });
});
