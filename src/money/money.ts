/**
 * Money to the öre: amounts are integers in öre (1 kr = 100 öre), never floating point.
 *
 * Why safe integers (`number`) rather than `bigint`: every amount an IOP agreement handles is
 * many orders of magnitude below 2^53 öre (≈ 90 000 000 000 000 kr), integers of that size are
 * exact in a `number`, they serialise as JSON and PostgreSQL `bigint` columns without converters,
 * and the existing events already carry numbers. Each operation checks that its result is still a
 * safe integer and throws a RangeError otherwise, so an overflow is an error, never a silent
 * rounding. Where an intermediate product might grow (an amount × days), it is computed in bigint.
 *
 * One rounding rule: a computed figure is rounded to the nearest öre, an exact half öre away from
 * zero (half-up: 0,5 öre → 1 öre; for a negative adjustment −0,5 öre → −1 öre). It is applied where
 * the agreement computes a figure (a share by days, an indexed amount), once; sums of öre are exact.
 */

/** An amount in öre. Branded, so that a count of kronor cannot be passed where öre are meant. */
export type Ore = number & { readonly __unit: 'öre' };

/** What a computed amount says of its arithmetic: for officials in Swedish, for everyone else in English. */
export interface Explanation {
  readonly sv: string;
  readonly en: string;
}

/** A computed amount with the arithmetic that produced it. */
export interface Computed {
  readonly amount: Ore;
  readonly explanation: Explanation;
}

/** `value` öre, checked: a safe integer. */
export function ore(value: number): Ore {
  if (!Number.isSafeInteger(value)) throw new RangeError(`An amount in öre must be a safe integer, not ${value}.`);
  return value as Ore;
}

/** Whole kronor as öre: 472 200 kr → 47 220 000 öre. */
export function kronor(whole: number): Ore {
  if (!Number.isSafeInteger(whole)) throw new RangeError(`Whole kronor must be an integer, not ${whole}.`);
  return ore(whole * 100);
}

export function add(...amounts: readonly Ore[]): Ore {
  return ore(amounts.reduce((total, amount) => total + amount, 0));
}

export function subtract(from: Ore, amount: Ore): Ore {
  return ore(from - amount);
}

/** An amount per unit times a whole number of units (3,00 kr × 6 784 inhabitants): exact. */
export function times(perUnit: Ore, units: number): Ore {
  if (!Number.isSafeInteger(units)) throw new RangeError(`A count of units must be an integer, not ${units}.`);
  return ore(Number(BigInt(perUnit) * BigInt(units)));
}

/**
 * `amount × numerator / denominator`, rounded to the öre by the one rule (half away from zero).
 * Computed in bigint, so the product never loses a digit.
 */
export function share(amount: Ore, numerator: number, denominator: number): Ore {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(`A share needs whole numbers and a positive denominator, not ${numerator}/${denominator}.`);
  }
  return ore(Number(divideHalfUp(BigInt(amount) * BigInt(numerator), BigInt(denominator))));
}

/** `dividend / divisor` (divisor > 0) rounded to the nearest integer, an exact half away from zero. */
export function divideHalfUp(dividend: bigint, divisor: bigint): bigint {
  const magnitude = dividend < 0n ? -dividend : dividend;
  const rounded = (2n * magnitude + divisor) / (2n * divisor);
  return dividend < 0n ? -rounded : rounded;
}

/**
 * Splits `amount` over parts in proportion to `weights` (days of each year, days used and unused)
 * so that the parts add up to the amount exactly: each part is the rounded cumulative share minus
 * the rounded cumulative share before it. No öre appears or vanishes, and each part is within one
 * öre of its exact share.
 */
export function apportion(amount: Ore, weights: readonly number[]): Ore[] {
  if (weights.some((weight) => !Number.isSafeInteger(weight) || weight < 0)) throw new RangeError('Weights must be whole numbers, none negative.');
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (total === 0) throw new RangeError('At least one weight must be positive.');
  let before = 0 as Ore;
  let cumulative = 0;
  return weights.map((weight) => {
    cumulative += weight;
    const upTo = share(amount, cumulative, total);
    const part = subtract(upTo, before);
    before = upTo;
    return part;
  });
}
