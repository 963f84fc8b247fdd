import type { DecidingBody } from '../lifecycle';
import { InvalidInput } from '../shared/engine-error';
import { referenceDataMissing } from './reference-data.errors';
import type { Body, DiariumSeries, MunicipalityIdentity, ReferenceData } from './reference-data';

/** What a case takes from its tenant's reference data: refused with REFERENCE_DATA_MISSING when it is not there yet. */

/** The municipality as a party to the tenant's agreements. */
export function municipalityParty(data: ReferenceData): MunicipalityIdentity {
  if (!data.municipality) throw referenceDataMissing(data.tenant, 'municipality');
  return data.municipality;
}

/** A deciding body by its code, kind included; an unknown code is the caller's mistake (400, naming the tenant's bodies). */
export function decidingBody(data: ReferenceData, code: string, field: string): DecidingBody {
  if (data.bodies.length === 0) throw referenceDataMissing(data.tenant, 'bodies');
  const body = data.bodies.find((b) => b.code === code) ?? unknownCode(data.bodies, code, field);
  return { code: body.code, name: body.name, kind: body.kind };
}

/** The diarium series of the body that registers a case; only bodies with a series may. */
export function diariumSeries(data: ReferenceData, code: string, field: string): DiariumSeries {
  const registering = data.bodies.filter((b) => b.diarium !== null);
  if (registering.length === 0) throw referenceDataMissing(data.tenant, 'diarium');
  return (registering.find((b) => b.code === code) ?? unknownCode(registering, code, field, ' that keeps a diarium')).diarium!;
}

function unknownCode(bodies: readonly Body[], code: string, field: string, which = ''): never {
  const known = bodies.map((b) => `${b.code} (${b.name})`).join(', ');
  throw new InvalidInput('VALIDATION_FAILED', `${code} is not a body of this municipality${which}; its bodies${which}: ${known}.`, {
    fields: [{ field, messages: [`must be one of ${bodies.map((b) => b.code).join(', ')}`] }],
    bodies: bodies.map(({ code: c, name, kind }) => ({ code: c, name, kind })),
  });
}
