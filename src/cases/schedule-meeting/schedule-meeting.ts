import { Injectable } from '@nestjs/common';
import type { ScheduleMeetingPayload } from '../../lifecycle';
import { decidingBody } from '../../reference-data/lookups';
import { ReferenceDataStore } from '../../reference-data/reference-data.store';
import type { CommandExtension, ExtensionInput } from '../shared/case-command';
import type { ScheduleMeetingDto } from './schedule-meeting.dto';

/** The meeting's body as the tenant's reference data has it (kind included): the lifecycle's rules read its kind. */
@Injectable()
export class ScheduleMeetingExtension implements CommandExtension<'schedule-meeting'> {
  constructor(private readonly referenceData: ReferenceDataStore) {}

  async payload({ body: { bodyCode, meetingDate }, actor }: ExtensionInput<ScheduleMeetingDto>): Promise<ScheduleMeetingPayload> {
    return { body: decidingBody(await this.referenceData.current(actor.tenant), bodyCode, 'bodyCode'), meetingDate };
  }
}
