import { Injectable } from '@nestjs/common';
import { CaseError } from '../cases/shared/case-error';
import { CaseRepository } from '../cases/shared/case-repository';
import { OrganisationContactLookup } from './organisation-contact.port';

/**
 * The organisation's contact person as the case records it, decrypted for this one lookup and
 * never stored in a delivery's text. An erased person has no address any more: nobody is told.
 */
@Injectable()
export class CaseContactLookup extends OrganisationContactLookup {
  constructor(private readonly cases: CaseRepository) {
    super();
  }

  async email(tenant: string, caseId: string): Promise<string | null> {
    const loaded = await this.cases.load(tenant, caseId, { open: true }).catch((error: unknown) => {
      if (error instanceof CaseError && error.code === 'CASE_NOT_FOUND') return null;
      throw error;
    });
    const contact = loaded?.snapshot.context.contactPerson;
    return contact && !contact.erased ? contact.email : null;
  }
}
