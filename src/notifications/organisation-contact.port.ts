/** The organisation's contact person's email for a case; null when the case has none on record. */
export abstract class OrganisationContactLookup {
  abstract email(tenant: string, caseId: string): Promise<string | null>;
}

/** Until the case's contact person is wired in: nobody, and the dispatcher records the skip. */
export class NoOrganisationContact extends OrganisationContactLookup {
  async email(): Promise<string | null> {
    return null;
  }
}
