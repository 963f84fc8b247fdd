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

  onApplicationBootstrap(): void {
    if (this.config.ANCHOR_INTERVAL_MS === 0) return;
    this.timer = setInterval(() => {
      this.anchors.anchor().then(
        (anchor) => anchor && this.logger.info({ anchor }, 'stream heads anchored'),
        (error: unknown) => this.logger.error({ err: error }, 'anchoring failed'),
      );
    }, this.config.ANCHOR_INTERVAL_MS).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }
}
