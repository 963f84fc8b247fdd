import { Body, Controller, Delete, Get, Headers, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { isUUID } from 'class-validator';
import type { Response } from 'express';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ListCasesQueryDto } from '../cases/list-cases/list-cases.dto';
import { commandRequest, validationPipe } from '../cases/shared/case-command.controller';
import { ErrorDto } from '../cases/shared/case-result.dto';
import { etag } from '../cases/shared/case-view';
import { InvalidInput } from '../shared/engine-error';
import { viewNotFound } from './saved-view.errors';
import { DeletedViewDto, SavedViewBodyDto, SavedViewDto, SavedViewListDto } from './saved-views.dto';
import { SavedViews } from './saved-views';

const IF_MATCH = { name: 'If-Match', required: false, description: 'The version read, quoted ("3"): a view changed since is refused (412).' };
const ETAG = { ETag: { description: 'The view version, quoted.', schema: { type: 'string', example: '"1"' } } };

@ApiTags('Saved views')
@ApiBearerAuth()
@Controller('views')
export class SavedViewsController {
  constructor(private readonly views: SavedViews) {}

  @Post()
  @ApiOperation({ operationId: 'createView', summary: 'Saves a view of the case list: its query and columns, personal or shared with the team' })
  @ApiCreatedResponse({ type: SavedViewDto, headers: ETAG })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'VALIDATION_FAILED: the body, or its query (checked as GET /cases checks it).' })
  @ApiResponse({ status: 403, type: ErrorDto, description: "VIEW_NOT_SHAREABLE: an organisation's representative shares no views." })
  async create(@CurrentActor() actor: Actor, @Body(validationPipe(SavedViewBodyDto)) body: SavedViewBodyDto, @Res({ passthrough: true }) response: Response) {
    const view = await this.views.create(actor, await checkedQuery(body));
    return withEtag(response, view);
  }

  @Get()
  @ApiOperation({ operationId: 'listViews', summary: "The caller's saved views and those shared in the tenant" })
  @ApiOkResponse({ type: SavedViewListDto })
  async list(@CurrentActor() actor: Actor): Promise<SavedViewListDto> {
    return { items: await this.views.list(actor) };
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getView', summary: 'A saved view, by the id in its URL' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: SavedViewDto, headers: ETAG })
  @ApiResponse({ status: 404, type: ErrorDto, description: "VIEW_NOT_FOUND: no such view the caller may see (another's personal view, another tenant's)." })
  async get(@CurrentActor() actor: Actor, @Param('id') id: string, @Res({ passthrough: true }) response: Response): Promise<SavedViewDto> {
    return withEtag(response, await this.views.get(actor, parseViewId(id)));
  }

  @Put(':id')
  @ApiOperation({ operationId: 'updateView', summary: 'Changes a saved view (its owner; an admin for a shared one)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: SavedViewDto, headers: ETAG })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'VALIDATION_FAILED' })
  @ApiResponse({ status: 403, type: ErrorDto, description: 'VIEW_NOT_OWNED: only its owner may change it; VIEW_NOT_SHAREABLE.' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'VIEW_NOT_FOUND' })
  @ApiResponse({ status: 412, type: ErrorDto, description: 'VIEW_CHANGED: If-Match names an older version.' })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body(validationPipe(SavedViewBodyDto)) body: SavedViewBodyDto,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SavedViewDto> {
    const view = await this.views.update(actor, parseViewId(id), await checkedQuery(body), versionOf(headers));
    return withEtag(response, view);
  }

  @Delete(':id')
  @ApiOperation({ operationId: 'deleteView', summary: 'Deletes a saved view (its owner; an admin for a shared one)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: DeletedViewDto, description: 'Deleted.' })
  @ApiResponse({ status: 403, type: ErrorDto, description: 'VIEW_NOT_OWNED' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'VIEW_NOT_FOUND' })
  @ApiResponse({ status: 412, type: ErrorDto, description: 'VIEW_CHANGED' })
  async delete(@CurrentActor() actor: Actor, @Param('id') id: string, @Headers() headers: Record<string, string | undefined>): Promise<DeletedViewDto> {
    const viewId = parseViewId(id);
    await this.views.delete(actor, viewId, versionOf(headers));
    return { id: viewId };
  }
}

/** The view's query must be one GET /cases accepts: the same DTO checks it, so a view never stores a query the list refuses. */
async function checkedQuery(body: SavedViewBodyDto): Promise<SavedViewBodyDto> {
  const notStrings = Object.entries(body.query).filter(([, value]) => typeof value !== 'string');
  if (notStrings.length > 0) {
    const fields = notStrings.map(([name]) => ({ field: `query.${name}`, messages: ['must be a string, as in a URL'] }));
    throw new InvalidInput('VALIDATION_FAILED', 'The view query is not valid.', { fields });
  }
  await validationPipe(ListCasesQueryDto, 'view query').transform({ ...body.query }, { type: 'query', metatype: ListCasesQueryDto });
  return body;
}

function parseViewId(id: string): string {
  if (!isUUID(id)) throw viewNotFound(id);
  return id.toLowerCase();
}

function versionOf(headers: Record<string, string | undefined>): number | undefined {
  const { ifMatch } = commandRequest({ 'if-match': headers['if-match'] });
  return ifMatch === undefined ? undefined : Number(ifMatch);
}

function withEtag(response: Response, view: SavedViewDto): SavedViewDto {
  response.setHeader('ETag', etag(String(view.version)));
  return view;
}
