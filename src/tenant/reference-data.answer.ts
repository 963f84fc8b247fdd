import { toPercentString } from '../money/percent-format';
import { formatDiarienummer, latestValue, type ReferenceData } from '../reference-data/reference-data';
import type { ReferenceDataDto } from './reference-data.dto';

/** The reference data as the API gives it: percentages in their one form beside their basis points, each year's current version marked; a body's example number is of `thisYear`. */
export function referenceDataAnswer(data: ReferenceData, thisYear: number): ReferenceDataDto {
  return {
    tenant: data.tenant,
    revision: data.revision.toString(),
    municipality: data.municipality,
    bodies: data.bodies.map((body) => ({ ...body, example: body.diarium && formatDiarienummer(body.code, body.diarium, thisYear, 1) })),
    inhabitants: [...data.inhabitants],
    indexSeries: data.indexSeries.map((series) => ({
      code: series.code,
      name: series.name,
      values: series.values
        .map((value) => ({ ...value, percent: toPercentString(value.basisPoints), current: latestValue(series, value.year) === value }))
        .sort((a, b) => a.year - b.year || a.version - b.version),
    })),
  };
}
