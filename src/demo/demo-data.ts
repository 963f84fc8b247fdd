import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Logger } from 'pino';
import { Anchors } from '../audit/anchor/anchors';
import type { Actor } from '../auth/actor';
import { CaseCommand } from '../cases/shared/case-command';
import { DeadlineScheduler } from '../deadlines/scheduler';
import { idempotentCaseId } from '../cases/shared/idempotency';
import { AppConfig } from '../config/app-config';
import { EventStore } from '../event-store/event-store.port';
import { LOGGER } from '../logging/logger';
import { ReferenceDataStore } from '../reference-data/reference-data.store';
import { DEMO_MUNICIPALITIES, onboard } from './demo-reference-data';
import { linkoping, osterakerBrottsofferjouren, osterakerKvinnojouren, robertsfors, type SeedCase } from './seed-cases';
import { applicantOf, seedRequest } from './seed-requests';

interface DemoCase {
  readonly tenant: string;
  readonly seed: SeedCase;
  /** The last step taken: the demo leaves each case at a different stage. */
  readonly until: string;
  readonly people: Partial<Record<Actor['roles'][number], string>>;
  /** A made-up contact person (the documents name none): personal data, sealed and erasable. */
  readonly contactPerson?: { name: string; email: string; phone: string };
}

/** The four cases of the source documents, each left where a new user can take it further. */
const DEMO: DemoCase[] = [
  // Active, with follow-up under way.
  {
    tenant: 'linkoping',
    seed: linkoping,
    until: 'strategicMeeting',
    people: { handlaggare: 'John Fristedt', chef: 'Linda Ljungqvist', signatory: 'Linda Ljungqvist' },
  },
  // Recommended by the social committee (utskott), on the board's agenda.
  { tenant: 'robertsfors', seed: robertsfors, until: 'scheduleBoard', people: { handlaggare: 'Jhonas Nilsson' } },
  // Approved and final: awaiting both signatures.
  {
    tenant: 'osteraker',
    seed: osterakerBrottsofferjouren,
    until: 'final',
    people: { handlaggare: 'Frida Larsson', chef: 'Staffan Erlandsson' },
    contactPerson: { name: 'Anna Berg', email: 'anna.berg@example.se', phone: '070-123 45 67' },
  },
  // Signed by the municipality, awaiting the organisation's signature.
  { tenant: 'osteraker', seed: osterakerKvinnojouren, until: 'signMunicipality', people: {} },
];

/**
 * On first start against an empty database (the embedded one, by default), sets up the demo
 * municipalities' reference data and creates the demo cases through the same commands
 * administrators and officials give. Every step carries an idempotency key, so two
 * instances starting together create each case once.
 */
@Injectable()
export class DemoData implements OnModuleInit, OnApplicationBootstrap {
  private seeded!: () => void;

  constructor(
    private readonly config: AppConfig,
    private readonly store: EventStore,
    private readonly bus: CommandBus,
    private readonly referenceData: ReferenceDataStore,
    private readonly anchors: Anchors,
    private readonly scheduler: DeadlineScheduler,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Before any module starts: the scheduler's first look waits for the demo to be written. */
  onModuleInit(): void {
    this.scheduler.holdUntil(new Promise<void>((resolve) => (this.seeded = resolve)));
  }

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.seed();
    } finally {
      this.seeded();
    }
  }

  private async seed(): Promise<void> {
    const wanted = this.config.DEMO_DATA ?? !this.config.DATABASE_URL;
    if (!wanted) return;
    const empty = (await this.store.readAll({ maxCount: 1 })).length === 0;
    // Each municipality is set up as its administrator would through the API, before its cases; also
    // in a demo database written before reference data was kept as events. One set up already is
    // left as its administrators made it.
    for (const municipality of DEMO_MUNICIPALITIES) {
      if (!(await this.referenceData.isSetUp(municipality.tenant))) await onboard(this.referenceData, municipality);
    }
    if (!empty) return;
    for (const demo of DEMO) await this.create(demo);
    // Anchored at once: a fresh system's record is covered from its first minute, not the next interval.
    const anchor = await this.anchors.anchor();
    this.logger.info({ cases: DEMO.length, anchor }, 'demo cases created and anchored');
  }

  private async create({ tenant, seed, until, people, contactPerson }: DemoCase): Promise<void> {
    const steps = Object.keys(seed);
    const key = `demo/${tenant}/${applicantOf(seed.submit)}`;
    const caseId = idempotentCaseId(tenant, key);
    for (const step of steps.slice(0, steps.indexOf(until) + 1)) {
      const { type, role, body } = seedRequest(seed[step]);
      const actor: Actor = {
        id: `demo-${role}`,
        name: people[role] ?? `Demo (${role})`,
        roles: [role],
        tenant,
        ...(role === 'organisation' && { organisationNumber: applicantOf(seed.submit) }),
      };
      const request = type === 'submit-application' && contactPerson ? { ...body, contactPerson } : body;
      await this.bus.execute(new CaseCommand(type, actor, caseId, request, { idempotencyKey: `${key}/${step}` }));
    }
  }
}
