import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Logger } from 'pino';
import { LifecycleError } from '../../lifecycle';
import { LOGGER } from '../../logging/logger';
import { Subscriptions } from '../../projections/subscriptions';
import type { RecordedEvent } from '../../event-store/event-store.port';
import { CaseRepository } from '../shared/case-repository';
import { caseIdOfStream } from '../shared/case-stream';
import { CaseCommand } from '../shared/case-command';

/**
 * When a renewal case is signed by both parties, the case it renews ends as renewed: this process
 * gives complete-renewal on the earlier case, as the engine, with an idempotency key per renewal so
 * that an event delivered again changes nothing.
 */
@Injectable()
export class RenewalCompletionProcess implements OnModuleInit {
  constructor(
    private readonly subscriptions: Subscriptions,
    private readonly cases: CaseRepository,
    private readonly bus: CommandBus,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.subscriptions.register('renewal-completion', (event) => this.on(event));
  }

  private async on(event: RecordedEvent): Promise<void> {
    const caseId = caseIdOfStream(event.stream);
    if (!caseId || event.type !== 'AgreementSigned') return;
    const renewal = await this.cases.load(event.stream.tenant, caseId);
    const { previousCaseId, signatures } = renewal.snapshot.context;
    if (!previousCaseId || !signatures.municipality || !signatures.organisation) return;
    const completedOn = [signatures.municipality.signedOn, signatures.organisation.signedOn].sort()[1];
    const engine = { id: 'iop-engine', name: 'iop-engine (förnyelse)', roles: ['handlaggare' as const], tenant: event.stream.tenant };
    await this.bus
      .execute(
        new CaseCommand('complete-renewal', engine, previousCaseId, { completedOn }, { idempotencyKey: `renewal-completed/${caseId}`, correlationId: caseId }),
      )
      .catch((error: unknown) => {
        // The earlier case may have ended meanwhile (notice ran out, or an officer completed it by hand).
        if (!(error instanceof LifecycleError)) throw error;
        this.logger.warn({ caseId: previousCaseId, renewal: caseId, reason: error.message }, 'renewal not recorded on the earlier case');
      });
  }
}
