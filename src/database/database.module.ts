import { Global, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../logging/logger';
import { AppConfig } from '../config/app-config';
import { Database } from './database';

@Global()
@Module({
  providers: [{ provide: Database, inject: [AppConfig, LOGGER], useFactory: (config: AppConfig, logger: Logger) => Database.open(config, logger) }],
  exports: [Database],
})
export class DatabaseModule {}
