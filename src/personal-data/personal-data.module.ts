import { Global, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { AppConfig } from '../config/app-config';
import { LOGGER } from '../logging/logger';
import { DataSubjects } from './data-subjects';
import { MasterKey } from './field-cipher';
import { personalDataSecret } from './master-key';
import { PersonalData } from './personal-data';

/** Personal data in events: sealed per data subject, opened on reading, erased by deleting the key. */
@Global()
@Module({
  providers: [
    {
      provide: MasterKey,
      inject: [AppConfig, LOGGER],
      useFactory: (config: AppConfig, logger: Logger) => {
        const { secret, generated } = personalDataSecret(config.PERSONAL_DATA_KEY, config.DATA_DIR);
        if (generated && config.DATABASE_URL) {
          logger.warn(
            `PERSONAL_DATA_KEY is not set: personal data is encrypted with a key kept in ${config.DATA_DIR}; every instance must share one key, and losing it makes personal data unreadable`,
          );
        }
        return new MasterKey(secret);
      },
    },
    DataSubjects,
    PersonalData,
  ],
  exports: [DataSubjects, PersonalData],
})
export class PersonalDataModule {}
