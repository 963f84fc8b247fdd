import { Injectable } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import { PersonalDataError } from '../personal-data/personal-data.errors';
import type { Actor } from '../auth/actor';
import { EventStore } from '../event-store/event-store.port';
import { Clock } from '../shared/clock';
import { DataSubjects } from '../personal-data/data-subjects';
import type { ErasureDto } from './erasure.dto';

const NAMESPACE = '5b0f3f8e-2f4c-4d7e-9a61-3c8d2e7b1a90';
export const ERASURES_STREAM = 'data-subject-erasures';

/**
 * Erases a data subject (GDPR art. 17): deletes its key, so every event holding its data reads
 * `[raderad]` from then on. The act itself is an event, `DataSubjectErased`, with no personal
 * data in it. The event is written first and under an id fixed by the subject, so a failure
 * between the two writes is finished by a retry, and an erasure is never unrecorded.
 */
@Injectable()
export class Erasure {
  constructor(
    private readonly subjects: DataSubjects,
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async byEmail(actor: Actor, email: string): Promise<ErasureDto> {
    const subjectId = await this.subjects.liveByEmail(actor.tenant, email);
    // Erasure clears the email lookup too: an erased person's email is found no more.
    if (!subjectId) throw new PersonalDataError('DATA_SUBJECT_NOT_FOUND', 'No personal data is held for that email.');
    return this.erase(actor, subjectId);
  }

  async bySubjectId(actor: Actor, subjectId: string): Promise<ErasureDto> {
    return this.erase(actor, subjectId);
  }

  private async erase(actor: Actor, subjectId: string): Promise<ErasureDto> {
    const subject = (await this.subjects.find(actor.tenant, [subjectId])).get(subjectId);
    if (!subject) throw new PersonalDataError('DATA_SUBJECT_NOT_FOUND', `No data subject ${subjectId}.`);
    if (subject.erasedAt) throw alreadyErased(subjectId, subject.erasedAt);
    const erasedAt = this.clock.now();
    const id = uuidv5(`${actor.tenant}/${subjectId}`, NAMESPACE);
    const written = await this.store.append(
      { tenant: actor.tenant, id: ERASURES_STREAM },
      [{ id, type: 'DataSubjectErased', data: { subjectId, erasedAt: erasedAt.toISOString() } }],
      {
        expectedRevision: 'any',
        context: { actorId: actor.id, actorName: actor.name, actorRole: 'admin', commandId: id, correlationId: id, causationId: id },
      },
    );
    // A parallel erasure of the same subject appended the same event and won the update.
    if (!(await this.subjects.erase(actor.tenant, subjectId, erasedAt))) throw alreadyErased(subjectId);
    return { subjectId, erasedAt: erasedAt.toISOString(), stream: ERASURES_STREAM, revision: written.nextExpectedRevision.toString() };
  }
}

function alreadyErased(subjectId: string, at?: Date): PersonalDataError {
  return new PersonalDataError('DATA_SUBJECT_ERASED', `Data subject ${subjectId} has been erased already.`, {
    subjectId,
    ...(at && { erasedAt: at.toISOString() }),
  });
}
