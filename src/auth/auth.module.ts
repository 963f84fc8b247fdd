import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AppConfig } from '../config/app-config';
import { ReferenceDataStore } from '../reference-data/reference-data.store';
import { AuthGuard } from './auth.guard';
import { RolesGuard } from './roles.guard';
import { TokenVerifier } from './token-verifier';

@Global()
@Module({
  providers: [
    {
      provide: TokenVerifier,
      inject: [AppConfig, ReferenceDataStore],
      useFactory: (config: AppConfig, referenceData: ReferenceDataStore) => new TokenVerifier(config, referenceData),
    },
    // In this order: who the caller is, then whether a route's roles admit them.
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [TokenVerifier],
})
export class AuthModule {}
