import { describe, expect, it } from 'vitest';
import { formatDecimal, textWidth, wrapText } from './layout';

describe('formatDecimal', () => {
  it('writes a decimal comma in Latvian and a point in English', () => {
    expect(formatDecimal(3.9, 'lv')).toBe('3,90');
    expect(formatDecimal(3.9, 'en')).toBe('3.90');
    expect(formatDecimal(3.25, 'lv', 1)).toBe('3,3');
  });

  it('rounds halves away from zero, also where binary floating point falls just short', () => {
    // 147/40 = 3.675 exactly, stored as 3.67499999…
    expect(formatDecimal(147 / 40, 'en')).toBe('3.68');
    expect(formatDecimal(73 / 20, 'en')).toBe('3.65');
    expect(formatDecimal(-0.005, 'en')).toBe('-0.01');
    expect(formatDecimal(-0.001, 'en')).toBe('0.00');
  });
});

describe('textWidth', () => {
  it('measures letters with diacritics by their base letter', () => {
    expect(textWidth('ā', 10)).toBe(textWidth('a', 10));
    expect(textWidth('Šņ', 12)).toBe(textWidth('Sn', 12));
  });

  it('grows with the size, the length and bold type', () => {
    expect(textWidth('abc', 20)).toBeCloseTo(2 * textWidth('abc', 10));
    expect(textWidth('abcd', 10)).toBeGreaterThan(textWidth('abc', 10));
    expect(textWidth('abc', 10, true)).toBeGreaterThan(textWidth('abc', 10));
  });
});

describe('wrapText', () => {
  it('breaks words into lines that fit', () => {
    const lines = wrapText('Sadarbība ar pašvaldības kolēģiem un citām iestādēm', 120, 12, 5);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('Sadarbība ar pašvaldības kolēģiem un citām iestādēm');
    for (const line of lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(120);
  });

  it('ends in an ellipsis when the lines run out, and cuts a word wider than a line', () => {
    const lines = wrapText('one two three four five six seven eight nine ten', 60, 12, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/…$/);
    for (const line of lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(60);
    const [word] = wrapText('Pretkorupcijas', 40, 12, 1);
    expect(word).toMatch(/^Pret.*…$/);
    expect(textWidth(word ?? '', 12)).toBeLessThanOrEqual(40);
  });

  it('keeps a short text on one line', () => {
    expect(wrapText('  Darbs  ir interesants ', 300, 12, 2)).toEqual(['Darbs ir interesants']);
  });
});
