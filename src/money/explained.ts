import { formatCount, formatEnglish, formatSwedish } from './kronor-format';
import { add, apportion, share, subtract, times, type Computed, type Ore } from './money';

/**
 * Computed amounts with their arithmetic, in Swedish and English, as the deadlines explain their
 * dates: "3,00 kr × 6 784 invånare = 20 352,00 kr". Each says where it rounded, and by which rule.
 */

const ROUNDED = { sv: 'avrundat till närmaste öre, halva ören uppåt', en: 'rounded to the nearest öre, half an öre up' };

/** A unit in both languages, singular and plural is left to the caller: `{ sv: 'invånare', en: 'inhabitants' }`. */
export interface Unit {
  readonly sv: string;
  readonly en: string;
}

/** An amount per unit times a count: Robertsfors 3,00 kr × 6 784 invånare = 20 352,00 kr. Exact, nothing rounded. */
export function perUnit(rate: Ore, count: number, unit: Unit): Computed {
  const amount = times(rate, count);
  return {
    amount,
    explanation: {
      sv: `${formatSwedish(rate)} × ${formatCount(count, 'sv')} ${unit.sv} = ${formatSwedish(amount)}`,
      en: `${formatEnglish(rate)} × ${formatCount(count, 'en')} ${unit.en} = ${formatEnglish(amount)}`,
    },
  };
}

/** A total of named lines: Linköping 472 200,00 kr (bidrag) + 341 314,00 kr (ideell insats) = 813 514,00 kr. Exact. */
export function totalOf(lines: ReadonlyArray<{ amount: Ore; label: Unit }>): Computed {
  const amount = add(...lines.map((line) => line.amount));
  const terms = (language: 'sv' | 'en', format: (a: Ore) => string) =>
    lines.map((line) => `${format(line.amount)} (${line.label[language]})`).join(' + ') || format(amount);
  return {
    amount,
    explanation: {
      sv: `${terms('sv', formatSwedish)} = ${formatSwedish(amount)}`,
      en: `${terms('en', formatEnglish)} = ${formatEnglish(amount)}`,
    },
  };
}

/** `amount × part / whole` of a unit (days, months), rounded by the one rule: 507 290,00 kr × 92/365 dagar = 127 864,93 kr. */
export function proRata(amount: Ore, part: number, whole: number, unit: Unit): Computed {
  const result = share(amount, part, whole);
  return {
    amount: result,
    explanation: {
      sv: `${formatSwedish(amount)} × ${part}/${whole} ${unit.sv} = ${formatSwedish(result)} (${ROUNDED.sv})`,
      en: `${formatEnglish(amount)} × ${part}/${whole} ${unit.en} = ${formatEnglish(result)} (${ROUNDED.en})`,
    },
  };
}

/**
 * An amount paid for a period, split into the part used and the part not used by days: the used
 * part is rounded once, the unused part is the rest, so the two add up to what was paid.
 */
export function usedAndUnused(paid: Ore, daysUsed: number, daysInPeriod: number): { used: Ore; unused: Computed } {
  const [used, unused] = apportion(paid, [daysUsed, daysInPeriod - daysUsed]);
  const daysUnused = daysInPeriod - daysUsed;
  return {
    used,
    unused: {
      amount: unused,
      explanation: {
        sv:
          `${formatSwedish(paid)} för ${daysInPeriod} dagar, varav ${daysUsed} använda och ${daysUnused} oanvända: ` +
          `${formatSwedish(paid)} − ${formatSwedish(paid)} × ${daysUsed}/${daysInPeriod} (${formatSwedish(used)}, ${ROUNDED.sv}) = ${formatSwedish(subtract(paid, used))}`,
        en:
          `${formatEnglish(paid)} for ${daysInPeriod} days, ${daysUsed} used and ${daysUnused} unused: ` +
          `${formatEnglish(paid)} − ${formatEnglish(paid)} × ${daysUsed}/${daysInPeriod} (${formatEnglish(used)}, ${ROUNDED.en}) = ${formatEnglish(subtract(paid, used))}`,
      },
    },
  };
}
