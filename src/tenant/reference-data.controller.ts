import { applyDecorators, Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { commandRequest, validationPipe } from '../cases/shared/case-command.controller';
import { ErrorDto } from '../cases/shared/case-result.dto';
import { RequireRoles } from '../cases/shared/require-roles';
import { BODY_CODE } from '../cases/shared/validation';
import { stockholmDate } from '../calendar';
import { normaliseOrganisationNumber } from '../lifecycle';
import { parsePercent } from '../money/percent-format';
import { ReferenceDataError } from '../reference-data/reference-data.errors';
import {
  publishIndexValue,
  setBody,
  setIndexSeries,
  setInhabitants,
  setMunicipality,
  type ReferenceData,
  type ReferenceDataChange,
} from '../reference-data/reference-data';
import { ReferenceDataStore } from '../reference-data/reference-data.store';
import { Clock } from '../shared/clock';
import { InvalidInput } from '../shared/engine-error';
import { referenceDataAnswer } from './reference-data.answer';
import { BodyInputDto, IndexSeriesInputDto, IndexValueInputDto, InhabitantsInputDto, MunicipalityInputDto, ReferenceDataDto } from './reference-data.dto';

const INDEX_SERIES_CODE = /^[A-ZÅÄÖ0-9-]{1,20}$/;

const Change = (operationId: string, summary: string, body: abstract new () => unknown) =>
  applyDecorators(
    ApiOperation({ operationId, summary: `${summary} (admins; a re-send of what is already there records nothing)` }),
    ApiBody({ type: body }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'The revision ETag last seen, e.g. "7": refused with 412 if the reference data has moved on.',
    }),
    ApiOkResponse({ type: ReferenceDataDto, description: 'The whole reference data after the change; its revision is also the ETag.' }),
    ApiResponse({ status: 400, type: ErrorDto, description: 'VALIDATION_FAILED: `details.fields` lists each field (the path too).' }),
    RequireRoles(['admin'], "A municipality's reference data is changed by its administrators."),
    ApiResponse({ status: 412, type: ErrorDto, description: 'PRECONDITION_FAILED: If-Match names an older revision.' }),
  );

/**
 * A municipality's own reference data (referensdata), per tenant: who it is, its deciding bodies
 * and their diarium series, its inhabitants per year, and its index series with every published
 * value. Anyone of the tenant reads it; its administrators (role `admin`) change it, each change an
 * event with who made it and when. A new municipality is set up with these calls alone.
 */
@ApiTags('Reference data')
@ApiBearerAuth()
@Controller('reference-data')
export class ReferenceDataController {
  constructor(
    private readonly store: ReferenceDataStore,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'getReferenceData', summary: "The tenant's reference data as it is now, with every index value's history" })
  @ApiOkResponse({ type: ReferenceDataDto, headers: { ETag: { description: 'The revision, for If-Match.', schema: { type: 'string' } } } })
  async get(@CurrentActor() actor: Actor, @Res({ passthrough: true }) response: Response): Promise<ReferenceDataDto> {
    return this.answer(response, await this.store.current(actor.tenant));
  }

  @Put('municipality')
  @Change('setMunicipality', "Set the municipality's name and organisationsnummer: the municipality party of every new case", MunicipalityInputDto)
  async municipality(
    @CurrentActor() actor: Actor,
    @Body(validationPipe(MunicipalityInputDto)) body: MunicipalityInputDto,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReferenceDataDto> {
    const municipality = { name: body.name, organisationNumber: normaliseOrganisationNumber(body.organisationNumber)! };
    return this.answer(response, await this.change(actor, headers, (data) => setMunicipality(data, municipality)));
  }

  @Put('bodies/:code')
  @Change('setBody', 'Set a deciding body (nämnd, utskott, fullmäktige): its name, kind and diarium series', BodyInputDto)
  @ApiParam({ name: 'code', description: 'The body code, capitals: it starts its diarium numbers (`KS`).', example: 'KS' })
  async body(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Body(validationPipe(BodyInputDto)) body: BodyInputDto,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReferenceDataDto> {
    pathParameter('code', BODY_CODE.test(code), 'must be a body code in capitals, e.g. KS');
    if (body.kind === 'committee' && body.diarium) invalid('diarium', 'a committee (utskott) keeps no diarium series: send null');
    const diarium = body.diarium && { separator: body.diarium.separator, digits: body.diarium.digits };
    return this.answer(response, await this.change(actor, headers, (data) => setBody(data, { code, name: body.name, kind: body.kind, diarium })));
  }

  @Put('inhabitants/:year')
  @Change('setInhabitants', 'Set the number of inhabitants for a year, with the date it is counted on', InhabitantsInputDto)
  @ApiParam({ name: 'year', description: 'The year the figure is for.', example: '2024' })
  async inhabitants(
    @CurrentActor() actor: Actor,
    @Param('year') year: string,
    @Body(validationPipe(InhabitantsInputDto)) body: InhabitantsInputDto,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReferenceDataDto> {
    const figure = { year: yearOf(year), asOf: body.asOf, count: body.count };
    return this.answer(response, await this.change(actor, headers, (data) => setInhabitants(data, figure)));
  }

  @Put('index-series/:code')
  @Change('setIndexSeries', 'Set up (or rename) an index series, e.g. OPI', IndexSeriesInputDto)
  @ApiParam({ name: 'code', description: "The series' code: capitals, digits and hyphens.", example: 'OPI' })
  async indexSeries(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Body(validationPipe(IndexSeriesInputDto)) body: IndexSeriesInputDto,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReferenceDataDto> {
    pathParameter('code', INDEX_SERIES_CODE.test(code), 'must be an index series code: capitals, digits and hyphens, e.g. OPI');
    return this.answer(response, await this.change(actor, headers, (data) => setIndexSeries(data, { code, name: body.name })));
  }

  @Post('index-series/:code/values')
  @HttpCode(HttpStatus.OK)
  @Change(
    'publishIndexValue',
    "Publish a year's value of an index series: its first, or a revision (a new version; the earlier stays in the history)",
    IndexValueInputDto,
  )
  @ApiParam({ name: 'code', description: "The series' code.", example: 'OPI' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'INDEX_SERIES_NOT_FOUND: set the series up first (PUT /reference-data/index-series/{code}).' })
  async indexValue(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Body(validationPipe(IndexValueInputDto)) body: IndexValueInputDto,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReferenceDataDto> {
    // A value is recorded once it is published: one dated later would count in every plan before its day.
    const today = stockholmDate(this.clock.now().toISOString());
    if (body.publishedOn > today) invalid('publishedOn', `must not be after today (${today}): a value is recorded once it is published`);
    const value = { year: body.year, basisPoints: parsePercent(body.percent)!, status: body.status, publishedOn: body.publishedOn };
    const changed = await this.change(actor, headers, (data) => {
      const events = publishIndexValue(data, code, value);
      if (!events)
        throw new ReferenceDataError(
          'INDEX_SERIES_NOT_FOUND',
          `${data.tenant} has no index series ${code}; set it up first (PUT /reference-data/index-series/${code}).`,
        );
      return events;
    });
    return this.answer(response, changed);
  }

  private answer(response: Response, data: ReferenceData): ReferenceDataDto {
    response.setHeader('ETag', `"${data.revision}"`);
    return referenceDataAnswer(data, this.clock.now().getUTCFullYear());
  }

  private change(actor: Actor, headers: Record<string, string | undefined>, decide: ReferenceDataChange): Promise<ReferenceData> {
    return this.store.change(actor.tenant, { id: actor.id, name: actor.name }, decide, commandRequest(headers).ifMatch);
  }
}

function yearOf(text: string): number {
  const year = Number(text);
  pathParameter('year', /^\d{4}$/.test(text) && year >= 1900 && year <= 2200, 'must be a year from 1900 to 2200');
  return year;
}

function pathParameter(field: string, ok: boolean, message: string): void {
  if (!ok) invalid(field, message);
}

function invalid(field: string, message: string): never {
  throw new InvalidInput('VALIDATION_FAILED', `The request is not valid: ${field} ${message}.`, { fields: [{ field, messages: [`${field} ${message}`] }] });
}
