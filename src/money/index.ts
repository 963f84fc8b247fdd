/** Money to the öre: a pure leaf (no framework, no I/O), below everything that handles amounts. */
export { add, apportion, divideHalfUp, kronor, ore, share, subtract, times, type Computed, type Explanation, type Ore } from './money';
export { formatCount, formatEnglish, formatSwedish, InvalidKronor, KRONOR_FORM, KRONOR_PATTERN, parseKronor, toKronorString } from './kronor-format';
export { perUnit, proRata, totalOf, usedAndUnused, type Unit } from './explained';
export type { InKronor } from './in-kronor';
export { INDEX_VALUE_STATUSES, type IndexSeries, type IndexValue, type IndexValueStatus, type InhabitantFigure } from './index-values';
export { describeValue, formatBasisPoints, indexChain, indexStep, valueFor, type IndexedYear } from './indexing';
