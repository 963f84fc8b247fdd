import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { perUnit, proRata, totalOf, usedAndUnused } from './explained';
import { formatEnglish, formatSwedish, InvalidKronor, parseKronor, toKronorString } from './kronor-format';
import { add, apportion, divideHalfUp, kronor, ore, share, times, type Ore } from './money';

const NBSP = '\u00a0';
/** Swedish texts with their no-break spaces shown as spaces, to compare with text as written here. */
const plain = (explanation: { sv: string; en: string }) => ({ ...explanation, sv: explanation.sv.replaceAll(NBSP, ' ') });

describe('the seeds’ figures', () => {
  it('Linköping: 472 200 kr from the board + 341 314 kr of volunteer work = 813 514 kr', () => {
    const total = totalOf([
      { amount: kronor(472_200), label: { sv: 'bidrag', en: 'grant' } },
      { amount: kronor(341_314), label: { sv: 'ideell insats', en: 'volunteer work' } },
    ]);
    expect(total.amount).toBe(kronor(813_514));
    expect(plain(total.explanation)).toEqual({
      sv: '472 200,00 kr (bidrag) + 341 314,00 kr (ideell insats) = 813 514,00 kr',
      en: '472,200.00 kr (grant) + 341,314.00 kr (volunteer work) = 813,514.00 kr',
    });
  });

  it('Robertsfors: 3 kr × 6 784 inhabitants = 20 352 kr', () => {
    const grant = perUnit(kronor(3), 6_784, { sv: 'invånare', en: 'inhabitants' });
    expect(grant.amount).toBe(kronor(20_352));
    expect(plain(grant.explanation)).toEqual({ sv: '3,00 kr × 6 784 invånare = 20 352,00 kr', en: '3.00 kr × 6,784 inhabitants = 20,352.00 kr' });
  });

  it('Linköping’s early termination: 507 290 kr for 2025, in force through 2025-09-30, so 92 of 365 days unused', () => {
    const refund = proRata(kronor(507_290), 92, 365, { sv: 'dagar', en: 'days' });
    // 50 729 000 öre × 92 / 365 = 12 786 487,67… öre
    expect(refund.amount).toBe(ore(12_786_488));
    expect(plain(refund.explanation).sv).toBe('507 290,00 kr × 92/365 dagar = 127 864,88 kr (avrundat till närmaste öre, halva ören uppåt)');
    const split = usedAndUnused(kronor(507_290), 273, 365);
    expect(add(split.used, split.unused.amount)).toBe(kronor(507_290));
    expect(split.unused.amount).toBe(ore(12_786_488));
    expect(split.unused.explanation.en).toContain('for 365 days, 273 used and 92 unused');
  });
});

describe('the one rounding rule: to the nearest öre, an exact half away from zero', () => {
  it.each([
    [ore(1), 1, 2, 1], // 0,5 öre → 1 öre
    [ore(-1), 1, 2, -1], // −0,5 öre → −1 öre
    [ore(1), 1, 3, 0], // 0,33 öre → 0
    [ore(2), 1, 3, 1], // 0,67 öre → 1
    [ore(5), 1, 4, 1], // 1,25 öre → 1
    [ore(10), 1, 4, 3], // 2,5 öre → 3
  ])('%i öre × %i/%i = %i öre', (amount, numerator, denominator, expected) => {
    expect(share(amount, numerator, denominator)).toBe(expected);
  });

  it('agrees with exact rational arithmetic', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (dividend, divisor) => {
        const rounded = divideHalfUp(dividend, divisor);
        // |dividend/divisor − rounded| ≤ ½, and exactly ½ only away from zero.
        const twiceError = 2n * dividend - 2n * rounded * divisor;
        expect(twiceError <= divisor && twiceError >= -divisor).toBe(true);
        if (twiceError === divisor) expect(dividend < 0n).toBe(true);
        if (twiceError === -divisor) expect(dividend > 0n).toBe(true);
      }),
    );
  });
});

describe('no öre appears or vanishes', () => {
  const amounts = fc.integer({ min: -(10 ** 11), max: 10 ** 11 }).map(ore);

  it('when an amount is split by days or years: the parts add up, each within an öre of its exact share', () => {
    fc.assert(
      fc.property(amounts, fc.array(fc.integer({ min: 0, max: 366 }), { minLength: 1, maxLength: 12 }), (amount, weights) => {
        fc.pre(weights.some((w) => w > 0));
        const parts = apportion(amount, weights);
        expect(add(...parts)).toBe(amount);
        const total = BigInt(weights.reduce((a, b) => a + b, 0));
        parts.forEach((part, i) => {
          const error = BigInt(part) * total - BigInt(amount) * BigInt(weights[i]);
          expect(error < total && error > -total).toBe(true);
        });
      }),
    );
  });

  it('when a paid year is split into the days used and the days refunded (leap years too)', () => {
    fc.assert(
      fc.property(amounts, fc.constantFrom(365, 366), fc.nat(366), (paid, days, used) => {
        fc.pre(used <= days);
        const split = usedAndUnused(paid, used, days);
        expect(add(split.used, split.unused.amount)).toBe(paid);
        expect(split.used).toBe(share(paid, used, days));
      }),
    );
  });

  it('when a rate is multiplied: exactly, or an error past the safe range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 1_000_000 }), (rate, count) => {
        expect(times(ore(rate), count)).toBe(Number(BigInt(rate) * BigInt(count)));
      }),
    );
    expect(() => times(ore(Number.MAX_SAFE_INTEGER), 2)).toThrow(RangeError);
    expect(() => ore(0.5)).toThrow(RangeError);
  });
});

describe('kronor in the API: one form, a decimal string', () => {
  it.each([
    ['472200', 47_220_000],
    ['105574.4', 10_557_440],
    ['105574.40', 10_557_440],
    ['0.05', 5],
    ['-12.50', -1_250],
    ['0', 0],
  ])('"%s" is %i öre', (text, expected) => {
    expect(parseKronor(text)).toBe(expected);
  });

  it.each([[105574.4], ['105574.401'], ['1 000'], ['1,50'], ['+1'], ['01'], ['.5'], ['5.'], [''], [null], ['1e3'], ['99999999999999999999']])(
    'refuses %j',
    (input) => {
      expect(() => parseKronor(input)).toThrow(InvalidKronor);
    },
  );

  it('answers with two decimals, and reads back what it wrote', () => {
    expect(toKronorString(ore(10_557_440))).toBe('105574.40');
    expect(toKronorString(ore(-5))).toBe('-0.05');
    fc.assert(fc.property(fc.maxSafeInteger().map(ore), (amount) => expect(parseKronor(toKronorString(amount))).toBe(amount)));
  });
});

describe('Swedish and English texts', () => {
  it('write 105 574,40 kr and 105,574.40 kr', () => {
    expect(formatSwedish(ore(10_557_440))).toBe(`105${NBSP}574,40${NBSP}kr`);
    expect(formatSwedish(ore(-5))).toBe(`\u22120,05${NBSP}kr`);
    expect(formatEnglish(ore(10_557_440))).toBe('105,574.40 kr');
  });

  it('agree with Intl’s Swedish number format', () => {
    const intl = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }).map(ore), (amount: Ore) => {
        // Division by 100 is only for the comparison: Intl rounds the float back to the same two decimals.
        expect(formatSwedish(amount)).toBe(`${intl.format(amount / 100)}${NBSP}kr`);
      }),
    );
  });
});
