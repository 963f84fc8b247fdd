import canonicalize from 'canonicalize';
import type { EventMetadata } from './event-store.port';
import { canonicalForm, chainHash, GENESIS_HASH, verifyChain, type ChainedEvent } from './hash-chain';

const metadata: EventMetadata = {
  tenant: 'linkoping',
  actorId: 'u-1',
  actorName: 'Åsa Öberg',
  actorRole: 'handlaggare',
  commandId: 'c',
  correlationId: 'c',
  causationId: 'c',
  machineId: 'iopCase',
  machineVersion: 1,
  recordedAt: '2023-01-02T08:00:00.000Z',
  schemaVersion: 1,
};

const event = (revision: bigint, data: object) => ({
  stream: { tenant: 'linkoping', id: 'case-1' },
  revision,
  id: `0000000${revision}-0000-4000-8000-000000000000`,
  type: 'PaymentRecorded',
  data: data as ChainedEvent['data'],
  metadata,
});

describe('canonicalForm', () => {
  it.each([[{ amount: 472200, paidOn: '2023-01-31' }], [{ z: 1, a: [3, { y: 'ö', b: null }], é: '\u2028 "quoted" \\ \n', n: 1e21, f: 0.1, neg: -0 }], [{}]])(
    'is exactly the RFC 8785 form of the whole event (%j)',
    (data) => {
      const e = event(3n, data);
      const whole = canonicalize({ tenant: e.stream.tenant, stream: e.stream.id, revision: '3', id: e.id, type: e.type, data, metadata });
      expect(canonicalForm(e)).toBe(whole);
    },
  );

  it('does not depend on key order', () => {
    expect(canonicalForm(event(0n, { a: 1, b: 2 }))).toBe(canonicalForm(event(0n, { b: 2, a: 1 })));
  });
});

describe('verifyChain', () => {
  const chain = (count: number): ChainedEvent[] => {
    let previous = GENESIS_HASH;
    return Array.from({ length: count }, (_, i) => {
      const e = event(BigInt(i), { n: i });
      previous = chainHash(previous, e);
      return { ...e, hash: previous.toString('hex') };
    });
  };

  it('accepts an intact chain that ends at the head', () => {
    const events = chain(3);
    expect(verifyChain(events, { revision: 2n, hash: events[2].hash })).toEqual({ intact: true, events: 3 });
  });

  it('names the first event whose content no longer matches its hash', () => {
    const events = chain(3);
    events[1] = { ...events[1], data: { n: 42 } };
    expect(verifyChain(events, { revision: 2n, hash: events[2].hash })).toMatchObject({ intact: false, revision: 1n });
  });

  it('sees a missing last event through the head', () => {
    const events = chain(3);
    expect(verifyChain(events.slice(0, 2), { revision: 2n, hash: events[2].hash })).toMatchObject({ intact: false, revision: 2n });
  });

  it('sees metadata changed between events with equal-looking neighbours (its canonical form is reused only while equal)', () => {
    let previous = GENESIS_HASH;
    const events = [{}, { recordedAt: '2023-01-03T08:00:00.000Z' }, {}].map((change, i) => {
      const e = { ...event(BigInt(i), { n: i }), metadata: { ...metadata, ...change } };
      previous = chainHash(previous, e);
      return { ...e, hash: previous.toString('hex') };
    });
    expect(verifyChain(events, { revision: 2n, hash: events[2].hash })).toEqual({ intact: true, events: 3 });
    const tampered = events.map((e, i) => (i === 1 ? { ...e, metadata: { ...metadata } } : e));
    expect(verifyChain(tampered, { revision: 2n, hash: events[2].hash })).toMatchObject({ intact: false, revision: 1n });
    const added = events.map((e, i) => (i === 2 ? { ...e, metadata: { ...metadata, extra: 'x' } as EventMetadata } : e));
    expect(verifyChain(added, { revision: 2n, hash: events[2].hash })).toMatchObject({ intact: false, revision: 2n });
  });

  it('points a head that runs past the stream at the first revision missing, and a stream past its head at the first extra one', () => {
    const events = chain(3);
    expect(verifyChain(events.slice(0, 1), { revision: 2n, hash: events[2].hash })).toMatchObject({ intact: false, revision: 1n });
    expect(verifyChain(events, { revision: 0n, hash: events[0].hash })).toMatchObject({ intact: false, revision: 1n });
    expect(verifyChain([], { revision: 2n, hash: events[2].hash })).toMatchObject({ intact: false, revision: 0n });
  });
});
