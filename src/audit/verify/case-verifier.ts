import { Injectable } from '@nestjs/common';
import { CaseSnapshots } from '../../cases/shared/case-snapshots';
import { caseStream } from '../../cases/shared/case-stream';
import { EventStore } from '../../event-store/event-store.port';
import { verdictOf, type CaseVerdict } from './case-verdict';

/**
 * Replay verification of a case: recomputes its stream's hash chain against its recorded head, and
 * re-folds it, each event through the machine version recorded on it, so that a transition that
 * was not legal under that version is found as surely as a changed byte. The first problem in
 * stream order is the one reported.
 */
@Injectable()
export class CaseVerifier {
  constructor(
    private readonly store: EventStore,
    private readonly snapshots: CaseSnapshots,
  ) {}

  async verifyCase(tenant: string, caseId: string): Promise<CaseVerdict> {
    const stream = caseStream(tenant, caseId);
    const [[record], [snapshots]] = await Promise.all([this.store.readStreams([stream]), this.snapshots.read([stream])]);
    return verdictOf(record, caseId, snapshots);
  }
}
