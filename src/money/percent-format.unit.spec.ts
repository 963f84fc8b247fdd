import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parsePercent, toPercentString } from './percent-format';

describe("the API's one form for a percentage", () => {
  it.each([
    ['3.60', 360],
    ['3.6', 360],
    ['3', 300],
    ['0.05', 5],
    ['-0.25', -25],
    ['-0', 0],
    ['12.34', 1_234],
  ])('reads %j as %d basis points, exactly', (text, basisPoints) => {
    expect(parsePercent(text)).toBe(basisPoints);
  });

  it.each([['3.605'], ['3,6'], ['03.6'], ['.5'], ['3.'], ['+3.6'], ['1000'], [''], [3.6], [null]])('refuses %j', (text) => {
    expect(parsePercent(text)).toBeNull();
  });

  it('writes basis points with two decimals, and reads back what it writes', () => {
    expect([360, 5, -25, 0, -100].map(toPercentString)).toEqual(['3.60', '0.05', '-0.25', '0.00', '-1.00']);
    fc.assert(fc.property(fc.integer({ min: -99_999, max: 99_999 }), (basisPoints) => parsePercent(toPercentString(basisPoints)) === basisPoints));
  });
});
