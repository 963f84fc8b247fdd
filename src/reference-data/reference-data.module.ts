import { Global, Module } from '@nestjs/common';
import { ReferenceDataStore } from './reference-data.store';

/** Each tenant's reference data, for whoever needs it: the token verifier, the case commands, the API. */
@Global()
@Module({ providers: [ReferenceDataStore], exports: [ReferenceDataStore] })
export class ReferenceDataModule {}
