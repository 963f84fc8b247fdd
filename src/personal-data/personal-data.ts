import { Injectable } from '@nestjs/common';
import { PersonalDataError } from './personal-data.errors';
import type { JsonObject, NewEvent, RecordedEvent } from '../event-store/event-store.port';
import { DataSubjects } from './data-subjects';
import { BoxUnreadable } from './field-cipher';
import { openData, sealData, subjectsIn } from './personal-fields';

/**
 * The storage boundary for personal data: events are sealed on their way into the store and
 * opened on their way out. The hash chain covers the sealed form, so erasing a subject (deleting
 * its key) changes nothing that verification reads.
 */
@Injectable()
export class PersonalData {
  constructor(private readonly subjects: DataSubjects) {}

  /** The events as they will be stored. Sealing for an erased subject is refused: its data is gone. */
  async seal(tenant: string, events: readonly NewEvent[]): Promise<NewEvent[]> {
    const keys = await this.keys(tenant, events);
    const keyOf = (subjectId: string) => {
      const key = keys.get(subjectId);
      if (!key)
        throw new PersonalDataError('DATA_SUBJECT_ERASED', `Data subject ${subjectId} has been erased; give the person's details again.`, { subjectId });
      return key;
    };
    return events.map((event) => ({ ...event, data: sealData(event.type, event.data, keyOf) }));
  }

  /** The events as readers see them: personal fields opened, `[raderad]` where the subject was erased. */
  async open<E extends RecordedEvent>(tenant: string, events: readonly E[]): Promise<E[]> {
    const keys = await this.keys(tenant, events);
    if (keys.size === 0) return [...events];
    return events.map((event) => {
      if (subjectsIn(event.type, event.data).length === 0) return event;
      try {
        return { ...event, data: openData(event.type, event.data, (subjectId) => keys.get(subjectId) ?? null) };
      } catch (error) {
        if (!(error instanceof BoxUnreadable)) throw error;
        throw unreadable(event, error.message);
      }
    });
  }

  /** Each named subject's key, or null for an erased one; a subject that should exist but does not is an error. */
  private async keys(tenant: string, events: readonly { type: string; data: JsonObject; revision?: bigint }[]): Promise<Map<string, Buffer | null>> {
    const named = events.flatMap((event) => subjectsIn(event.type, event.data).map((subjectId) => ({ subjectId, event })));
    if (named.length === 0) return new Map();
    const stored = await this.subjects.find(
      tenant,
      named.map((n) => n.subjectId),
    );
    const keys = new Map<string, Buffer | null>();
    for (const { subjectId, event } of named) {
      if (keys.has(subjectId)) continue;
      const subject = stored.get(subjectId);
      if (!subject) throw unreadable(event, `its data subject ${subjectId} has no key and was never erased`);
      try {
        keys.set(subjectId, subject.wrappedKey ? this.subjects.unwrap(tenant, { ...subject, wrappedKey: subject.wrappedKey }) : null);
      } catch (error) {
        if (!(error instanceof BoxUnreadable)) throw error;
        throw unreadable(event, `the key of data subject ${subjectId} does not unwrap under this PERSONAL_DATA_KEY`);
      }
    }
    return keys;
  }
}

function unreadable(event: { type: string; revision?: bigint }, why: string): PersonalDataError {
  const where = event.revision === undefined ? event.type : `${event.type} (revision ${event.revision})`;
  return new PersonalDataError('PERSONAL_DATA_UNREADABLE', `Personal data in ${where} cannot be read: ${why}.`);
}
