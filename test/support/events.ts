import { randomUUID } from 'node:crypto';
import type { EventContext, JsonObject, NewEvent, StreamName } from '../../src/event-store/event-store.port';

export const context: EventContext = {
  actorId: 'user-frida',
  actorName: 'Frida Larsson',
  actorRole: 'handlaggare',
  commandId: '0b6f2f4e-7a1c-4e0e-9a55-3d1f7f0c2a10',
  correlationId: '0b6f2f4e-7a1c-4e0e-9a55-3d1f7f0c2a10',
  causationId: '0b6f2f4e-7a1c-4e0e-9a55-3d1f7f0c2a10',
};

export function event(type = 'PaymentRecorded', data: JsonObject = { amountKr: 472200, paidOn: '2024-01-31' }): NewEvent {
  return { id: randomUUID(), type, data };
}

export function events(count: number, type?: string): NewEvent[] {
  return Array.from({ length: count }, (_, i) => event(type, { n: i, organisation: 'Brottsofferjouren Roslagen' }));
}

/** A tenant of its own per test, so tests can share a database and still count exactly. */
export function newTenant(): string {
  return `t-${randomUUID().slice(0, 8)}`;
}

export function streamIn(tenant: string, id = `case-${randomUUID()}`): StreamName {
  return { tenant, id };
}

export async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
