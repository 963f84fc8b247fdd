import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import { AppConfig } from '../../config/app-config';
import { LOGGER } from '../../logging/logger';
import { Anchors } from './anchors';

/** Anchors the stream heads every ANCHOR_INTERVAL_MS; several instances take turns (advisory lock). */
@Injectable()
export class AnchorSchedule implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly anchors: Anchors,
    private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Anchors at once, so that a fresh system is anchored from its first minute: the chain's first
   * anchor on an empty store, or what changed while the service was down. The demo data is written
   * by the cases module, whose bootstrap hooks NestJS runs before this module's (it imports it).
   */
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.ANCHOR_INTERVAL_MS === 0) return;
    await this.anchorNow(true);
    this.timer = setInterval(() => void this.anchorNow(false), this.config.ANCHOR_INTERVAL_MS).unref();
  }

  private anchorNow(startChain: boolean): Promise<void> {
    return this.anchors.anchor({ startChain }).then(
      (anchor) => void (anchor && this.logger.info({ anchor }, 'stream heads anchored')),
      (error: unknown) => this.logger.error({ err: error }, 'anchoring failed'),
    );
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }
}
