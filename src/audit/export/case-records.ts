import { Injectable } from '@nestjs/common';
import { caseNotFound } from '../../cases/shared/case-error';
import { asCaseEvents, caseStream } from '../../cases/shared/case-stream';
import { EventStore } from '../../event-store/event-store.port';
import { PersonalData } from '../../personal-data/personal-data';
import { Clock } from '../../shared/clock';
import { historyOf } from '../case-history/case-history.handler';
import { verdictOf } from '../verify/case-verdict';
import type { CaseRecord } from './case-export';

/** A case for the record, as the export and the archive package hand it on. */
@Injectable()
export class CaseRecords {
  constructor(
    private readonly store: EventStore,
    private readonly personalData: PersonalData,
    private readonly clock: Clock,
  ) {}

  /** One read: the events as stored (what the chain covers), the verdict on them, and their history with personal data opened. */
  async read(tenant: string, caseId: string): Promise<CaseRecord> {
    const [stored] = await this.store.readStreams([caseStream(tenant, caseId)]);
    if (stored.events.length === 0) throw caseNotFound(caseId);
    const events = asCaseEvents(stored.events);
    const { history, snapshot } = historyOf(caseId, await this.personalData.open(tenant, events));
    return { tenant, facts: snapshot!.context, events, history, verdict: verdictOf(stored, caseId), exportedAt: this.clock.now().toISOString() };
  }
}
