import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AppConfig } from '../config/app-config';
import { ReferenceDataStore } from '../reference-data/reference-data.store';
import { AuthGuard } from './auth.guard';
import { TokenVerifier } from './token-verifier';

@Global()
@Module({
  providers: [
    {
      provide: TokenVerifier,
      inject: [AppConfig, ReferenceDataStore],
      useFactory: (config: AppConfig, referenceData: ReferenceDataStore) => new TokenVerifier(config, referenceData),
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenVerifier],
})
export class AuthModule {}
