import { Injectable } from '@nestjs/common';
import type { RecordDecisionPayload } from '../../lifecycle';
import { decidingBody } from '../../reference-data/lookups';
import { ReferenceDataStore } from '../../reference-data/reference-data.store';
import type { CommandExtension, ExtensionInput } from '../shared/case-command';
import type { RecordDecisionDto } from './record-decision.dto';

/** The body a recommendation goes to, as the tenant's reference data has it (kind included): the lifecycle checks it is higher. */
@Injectable()
export class RecordDecisionExtension implements CommandExtension<'record-decision'> {
  constructor(private readonly referenceData: ReferenceDataStore) {}

  async payload({ body: { recommendedTo, ...decision }, actor }: ExtensionInput<RecordDecisionDto>): Promise<RecordDecisionPayload> {
    if (recommendedTo === null) return { ...decision, recommendedTo: null };
    return { ...decision, recommendedTo: decidingBody(await this.referenceData.current(actor.tenant), recommendedTo, 'recommendedTo') };
  }
}
