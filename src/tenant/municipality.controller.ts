import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ErrorDto } from '../cases/shared/case-result.dto';
import { municipality } from '../reference-data/municipalities';
import { MunicipalityDto } from './municipality.dto';

@ApiTags('Reference data')
@ApiBearerAuth()
@Controller('municipality')
export class MunicipalityController {
  @Get()
  @ApiOperation({ operationId: 'getMunicipality', summary: "The caller's municipality: its name, organisationsnummer and deciding bodies (for forms)" })
  @ApiOkResponse({ type: MunicipalityDto })
  @ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHENTICATED' })
  @ApiResponse({ status: 403, type: ErrorDto, description: 'TENANT_UNKNOWN: the token names a tenant this engine does not serve' })
  get(@CurrentActor() actor: Actor): MunicipalityDto {
    // The token verifier lets through only tenants the reference data has (else 403 TENANT_UNKNOWN).
    const found = municipality(actor.tenant)!;
    const bodies = found.bodies.map(({ code, name, kind }) => ({ code, name, kind }));
    return { tenant: found.tenant, name: found.name, organisationNumber: found.organisationNumber, bodies };
  }
}
