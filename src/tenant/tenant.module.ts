import { Module } from '@nestjs/common';
import { MunicipalityController } from './municipality.controller';
import { ReferenceDataController } from './reference-data.controller';

/** The caller's municipality: its reference data (`/reference-data`, kept by its admins) and what forms need of it (`GET /municipality`). */
@Module({ controllers: [MunicipalityController, ReferenceDataController] })
export class TenantModule {}
