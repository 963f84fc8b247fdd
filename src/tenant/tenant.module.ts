import { Module } from '@nestjs/common';
import { MunicipalityController } from './municipality.controller';

/** What the app needs to know about the caller's municipality: `GET /municipality` (reference data). */
@Module({ controllers: [MunicipalityController] })
export class TenantModule {}
