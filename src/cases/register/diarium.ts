import { Injectable } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import { InvalidInput } from '../../shared/engine-error';
import { CaseError } from '../shared/case-error';
import type { Actor } from '../../auth/actor';
import { WrongExpectedVersionError } from '../../event-store/event-store.errors';
import { EventStore } from '../../event-store/event-store.port';
import { formatDiarienummer, municipality } from '../../reference-data/municipalities';

const NAMESPACE = '9e3c1f4e-6a0b-4c55-8f0a-1b2c3d4e5f60';
const MAX_ATTEMPTS = 50;

/**
 * Allocates diarienummer: one series per body and year, numbered 1, 2, 3, … without gaps. Each
 * series is a stream whose revision is the number's predecessor, so the event store's expected
 * revision makes concurrent allocations take turns, and a number once given is never given again.
 * Allocation is idempotent per case: asking again for the same case returns its number.
 */
@Injectable()
export class Diarium {
  constructor(private readonly store: EventStore) {}

  /** The number the next allocation would give (refuses a body without a diarium). */
  async preview(actor: Actor, bodyCode: string, registeredOn: string): Promise<string> {
    return (await this.next(actor, bodyCode, registeredOn)).diarienummer;
  }

  async allocate(actor: Actor, bodyCode: string, registeredOn: string, caseId: string): Promise<string> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const { stream, revision, number, diarienummer } = await this.next(actor, bodyCode, registeredOn);
      const id = uuidv5(`${stream.id}/${caseId}`, NAMESPACE);
      try {
        const result = await this.store.append(stream, [{ id, type: 'DiarienummerAllocated', data: { number, diarienummer, caseId, registeredOn } }], {
          expectedRevision: revision < 0n ? 'no_stream' : revision,
          context: { actorId: actor.id, actorName: actor.name, actorRole: 'registrator', commandId: id, correlationId: id, causationId: id },
        });
        if (result.nextExpectedRevision === revision + 1n) return diarienummer;
        // Already allocated to this case earlier: answer with that number.
        const [earlier] = await this.store.readStream(stream, { fromRevision: result.nextExpectedRevision, maxCount: 1 });
        return String(earlier.data.diarienummer);
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error; // another registration took this number: try the next
      }
    }
    throw new CaseError('CASE_CHANGED', `The diarium ${bodyCode} is too busy right now; try again.`);
  }

  private async next(actor: Actor, bodyCode: string, registeredOn: string) {
    const series = this.seriesOf(actor.tenant, bodyCode);
    const year = Number(registeredOn.slice(0, 4));
    const stream = { tenant: actor.tenant, id: `diarium-${bodyCode}-${year}` };
    const [last] = await this.store.readStream(stream, { direction: 'backwards', maxCount: 1 });
    const revision = last?.revision ?? -1n;
    const number = Number(revision) + 2;
    return { stream, revision, number, diarienummer: formatDiarienummer(bodyCode, series, year, number) };
  }

  private seriesOf(tenant: string, bodyCode: string) {
    const bodies = municipality(tenant)?.bodies.filter((b) => b.diarium) ?? [];
    const body = bodies.find((b) => b.code === bodyCode);
    if (!body?.diarium) {
      throw new InvalidInput('VALIDATION_FAILED', `${bodyCode} keeps no diarium here.`, {
        fields: [{ field: 'bodyCode', messages: [`must be one of ${bodies.map((b) => b.code).join(', ') || '(none configured)'}`] }],
      });
    }
    return body.diarium;
  }
}
