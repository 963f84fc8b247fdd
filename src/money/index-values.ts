import type { IsoDate } from '../calendar';

/**
 * An index series' value for one year, as reference data holds it (OPI, omsorgsprisindex): a
 * change in percent kept as an integer number of basis points (hundredths of a percent: 3,6 % =
 * 360), so that no percentage is ever a floating-point number. A value is a forecast until the
 * publisher makes it final; a revision is a new version and the earlier one stays in the history.
 */
export const INDEX_VALUE_STATUSES = ['forecast', 'final'] as const;
export type IndexValueStatus = (typeof INDEX_VALUE_STATUSES)[number];

export interface IndexValue {
  readonly year: number;
  /** Hundredths of a percent: 3,60 % = 360; may be negative. */
  readonly basisPoints: number;
  readonly status: IndexValueStatus;
  readonly publishedOn: IsoDate;
  /** 1 for a year's first value, +1 for each revision. */
  readonly version: number;
}

/** A named series (`OPI`) and each year's values, every version kept, oldest first. */
export interface IndexSeries {
  readonly code: string;
  readonly name: string;
  readonly values: readonly IndexValue[];
}

/** The inhabitants of the municipality on a stated date (SCB's figure, e.g. on 1 November). */
export interface InhabitantFigure {
  readonly year: number;
  readonly asOf: IsoDate;
  readonly count: number;
}
