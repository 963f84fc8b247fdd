import { bodyInKronor } from '../cases/shared/in-kronor';
import { commandRoles, partyRoles, type Command, type CommandType, type Role } from '../lifecycle';

/** A lifecycle command as a caller sends it: the engine, not the caller, supplies some fields. */
export interface SeedRequest {
  readonly type: CommandType;
  /** The calendar date the step happens on. */
  readonly date: string;
  /** Who gives it: the party's role for signing and notice, otherwise the first role allowed. */
  readonly role: Role;
  readonly body: Record<string, unknown>;
}

/** The request a seed command makes: its payload with amounts as the API's kronor strings. */
export function seedRequest(command: Command): SeedRequest {
  const { type, now, ...inOre } = command as Command & Record<string, unknown>;
  const payload = bodyInKronor(inOre);
  const party = payload.party as keyof typeof partyRoles | undefined;
  const request = { type, date: now.slice(0, 10), role: party ? partyRoles[party] : commandRoles[type][0] };
  switch (type) {
    case 'submit-application': {
      // The municipality party is the tenant's own, from its reference data.
      const { previousCaseId: _, municipality: __, ...body } = payload;
      return { ...request, body };
    }
    case 'schedule-meeting': {
      // Bodies are named by code; the engine takes the rest from the reference data.
      const { body, ...meeting } = payload as Record<string, unknown> & { body: { code: string } };
      return { ...request, body: { ...meeting, bodyCode: body.code } };
    }
    case 'record-decision': {
      const recommendedTo = payload.recommendedTo as { code: string } | null;
      return { ...request, body: { ...payload, recommendedTo: recommendedTo?.code ?? null } };
    }
    case 'register':
      // The seed documents carry the municipality's real number; the engine gives its own from the body's series.
      return { ...request, body: { bodyCode: String(payload.diarienummer).split(/[ :]/)[0], registeredOn: payload.registeredOn } };
    case 'start-renewal':
    case 'complete-renewal': {
      const { newCaseId: _, ...body } = payload;
      return { ...request, body };
    }
    default:
      return { ...request, body: payload };
  }
}

/** The organisation number of a seed case's applicant: its representative's `org` claim. */
export function applicantOf(submit: Command): string {
  return (submit as Command & { organisation: { organisationNumber: string } }).organisation.organisationNumber;
}
