import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ErrorDto } from '../cases/shared/case-result.dto';
import { municipalityParty } from '../reference-data/lookups';
import { ReferenceDataStore } from '../reference-data/reference-data.store';
import { MunicipalityDto } from './municipality.dto';

@ApiTags('Reference data')
@ApiBearerAuth()
@Controller('municipality')
export class MunicipalityController {
  constructor(private readonly store: ReferenceDataStore) {}

  @Get()
  @ApiOperation({ operationId: 'getMunicipality', summary: "The caller's municipality: its name, organisationsnummer and deciding bodies (for forms)" })
  @ApiOkResponse({ type: MunicipalityDto })
  @ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHENTICATED' })
  @ApiResponse({
    status: 403,
    type: ErrorDto,
    description: 'TENANT_UNKNOWN: the token names a tenant with no reference data (only its admins are let in, to set it up)',
  })
  @ApiResponse({ status: 409, type: ErrorDto, description: "REFERENCE_DATA_MISSING: the municipality's name and organisationsnummer are not set up yet" })
  async get(@CurrentActor() actor: Actor): Promise<MunicipalityDto> {
    const data = await this.store.current(actor.tenant);
    const { name, organisationNumber } = municipalityParty(data);
    return { tenant: data.tenant, name, organisationNumber, bodies: data.bodies.map(({ code, name: body, kind }) => ({ code, name: body, kind })) };
  }
}
