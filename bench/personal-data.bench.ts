/**
 * `npm run bench:personal-data`: what sealing and opening personal data costs per event, next to
 * what every event costs anyway, measured in the same run (issue 4, item 6).
 *
 * BENCH_SCALE × 20 000 `ApplicationSubmitted` events (Linköping's seed application, each with a
 * contact person of its own: name, email, phone), in memory, no database. BENCH_ROUNDS (default 3)
 * rounds, the sides in alternating order; each figure is the median round.
 *   baseline  the hash chain over the plain event (RFC 8785 canonical form + sha256): the CPU
 *             work every append and every verification does per event anyway;
 *   seal      unwrap the subject's key (as an append does once per case) + seal the three fields
 *             (AES-256-GCM each) + the hash chain over the sealed event: the personal-data append;
 *   open      unwrap the subject's key + open the three fields: what a read adds per event;
 *   erased    the same read after erasure (no key: the fields read [raderad]).
 * Ratios are to the baseline. The round trip to `data_subjects` (one indexed query per case load or
 * append that holds personal data) is not in these figures.
 */
import { randomUUID } from 'node:crypto';
import { linkoping } from '../src/demo/seed-cases';
import type { EventMetadata, JsonObject } from '../src/event-store/event-store.port';
import { chainHash, GENESIS_HASH, jcs } from '../src/event-store/hash-chain';
import { decide, initialSnapshot, type Command } from '../src/lifecycle';
import { MasterKey, newDataKey } from '../src/personal-data/field-cipher';
import { openData, sealData } from '../src/personal-data/personal-fields';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const EVENTS = Math.max(1, Math.round(20_000 * SCALE));
const TENANT = 'linkoping';

interface Subject {
  readonly subjectId: string;
  readonly wrappedKey: Buffer;
}

const master = new MasterKey('a benchmark master secret, thirty-two characters or more');
const metadata: EventMetadata = {
  actorId: 'bench',
  actorName: 'Bench',
  actorRole: 'organisation',
  commandId: randomUUID(),
  correlationId: randomUUID(),
  causationId: randomUUID(),
  machineId: 'iopCase',
  machineVersion: 1,
  tenant: TENANT,
  recordedAt: '2022-09-01T12:00:00.000Z',
  schemaVersion: 1,
};
const canonicalMetadata = jcs(metadata);

function fixture(): { plain: JsonObject[]; subjects: Subject[] } {
  const [submitted] = decide(initialSnapshot(), linkoping.submit as Command);
  const subjects = Array.from({ length: EVENTS }, () => {
    const subjectId = randomUUID();
    return { subjectId, wrappedKey: master.wrap(newDataKey(), TENANT, subjectId) };
  });
  const plain = subjects.map(({ subjectId }, i) => ({
    ...(submitted.data as unknown as JsonObject),
    contactPerson: {
      subjectId,
      name: `Kontakt Person ${i}`,
      email: `kontakt.${i}@brottsofferjouren.example`,
      phone: `070-${String(i).padStart(7, '0')}`,
      erased: false,
    },
  }));
  return { plain, subjects };
}

const hashOf = (data: JsonObject) =>
  chainHash(
    GENESIS_HASH,
    { stream: { tenant: TENANT, id: 'case-bench' }, revision: 0n, id: '00000000-0000-4000-8000-000000000000', type: 'ApplicationSubmitted', data, metadata },
    canonicalMetadata,
  );

/** Microseconds per event of `work` over every event. */
function measure(work: (i: number) => unknown): number {
  const started = process.hrtime.bigint();
  let sink = 0;
  for (let i = 0; i < EVENTS; i++) sink += work(i) ? 1 : 0;
  if (sink !== EVENTS) throw new Error('work returned nothing');
  return Number(process.hrtime.bigint() - started) / 1000 / EVENTS;
}

function main(): void {
  const { plain, subjects } = fixture();
  const keyOf = (i: number) => master.unwrap(subjects[i].wrappedKey, TENANT, subjects[i].subjectId);
  const sealed = plain.map((data, i) => sealData('ApplicationSubmitted', data, () => keyOf(i)));
  const sides: Record<string, (i: number) => unknown> = {
    baseline: (i) => hashOf(plain[i]),
    seal: (i) => {
      const key = keyOf(i);
      return hashOf(sealData('ApplicationSubmitted', plain[i], () => key));
    },
    open: (i) => {
      const key = keyOf(i);
      return openData('ApplicationSubmitted', sealed[i], () => key);
    },
    erased: (i) => openData('ApplicationSubmitted', sealed[i], () => null),
  };
  // Correctness first: a benchmark of a broken cipher measures nothing.
  const opened = openData('ApplicationSubmitted', sealed[0], () => keyOf(0));
  if (JSON.stringify(opened) !== JSON.stringify(plain[0])) throw new Error('sealed data does not open to what was sealed');

  const names = Object.keys(sides);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (const name of names) measure(sides[name]); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of round % 2 ? [...names].reverse() : names) samples[name].push(measure(sides[name]));
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const result = Object.fromEntries(names.map((name) => [name, median(samples[name])]));

  console.log(`${EVENTS} ApplicationSubmitted events, each with a contact person of its own (3 personal fields), ${ROUNDS} rounds, median round`);
  const rows = [
    ['baseline: hash chain over the plain event', result.baseline],
    ['append: unwrap key + seal 3 fields + hash chain', result.seal],
    ['read: unwrap key + open 3 fields', result.open],
    ['read after erasure ([raderad])', result.erased],
  ] as const;
  for (const [label, micros] of rows) {
    console.log(`${label.padEnd(50)} ${micros.toFixed(2).padStart(8)} µs/event  ${(micros / result.baseline).toFixed(2).padStart(6)} × baseline`);
  }
  console.log(
    `sealing adds ${(result.seal - result.baseline).toFixed(2)} µs per appended event (${((result.seal / result.baseline - 1) * 100).toFixed(0)} % over the plain hash chain); opening adds ${result.open.toFixed(2)} µs per event read`,
  );
}

main();
