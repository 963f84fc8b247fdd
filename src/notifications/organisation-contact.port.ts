/** The organisation's contact person's email for a case; null when the case has none on record. */
export abstract class OrganisationContactLookup {
  abstract email(tenant: string, caseId: string): Promise<string | null>;
}
