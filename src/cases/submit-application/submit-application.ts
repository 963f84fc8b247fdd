import { Injectable } from '@nestjs/common';
import type { SubmitApplicationPayload } from '../../lifecycle';
import { DataSubjects } from '../../personal-data/data-subjects';
import { municipalityParty } from '../../reference-data/lookups';
import { ReferenceDataStore } from '../../reference-data/reference-data.store';
import type { CommandExtension, ExtensionInput } from '../shared/case-command';
import type { SubmitApplicationDto } from './submit-application.dto';

/**
 * An application through the API is to the tenant's own municipality (from its reference data) and
 * renews nothing (start-renewal opens renewals); its contact person becomes a data subject.
 */
@Injectable()
export class SubmitApplicationExtension implements CommandExtension<'submit-application'> {
  constructor(
    private readonly subjects: DataSubjects,
    private readonly referenceData: ReferenceDataStore,
  ) {}

  async payload({ body, actor }: ExtensionInput<SubmitApplicationDto>): Promise<SubmitApplicationPayload> {
    const municipality = municipalityParty(await this.referenceData.current(actor.tenant));
    const { contactPerson, ...application } = { ...body, municipality };
    if (!contactPerson) return { ...application, previousCaseId: null, contactPerson: null };
    // The live subject with that email, or a new one.
    const { name, email, phone } = contactPerson;
    const subjectId = await this.subjects.subjectFor(actor.tenant, email);
    return { ...application, previousCaseId: null, contactPerson: { subjectId, name, email, phone: phone ?? null, erased: false } };
  }
}
