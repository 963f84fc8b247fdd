import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { validationPipe } from '../../cases/shared/case-command.controller';
import { ErrorDto } from '../../cases/shared/case-result.dto';
import { AppConfig } from '../../config/app-config';
import { CreateFeedTokenDto, FeedTokenDto, FeedTokenListDto, RevokedFeedTokenDto } from './feed-token.dto';
import { FeedTokens } from './feed-tokens';

@ApiTags('Deadlines')
@ApiBearerAuth()
@Controller('deadlines/feed-tokens')
export class FeedTokensController {
  constructor(
    private readonly tokens: FeedTokens,
    private readonly config: AppConfig,
  ) {}

  @Post()
  @ApiOperation({ operationId: 'createFeedToken', summary: 'A token for the iCalendar feed of deadlines, to subscribe to from a calendar app (shown once)' })
  @ApiCreatedResponse({ type: FeedTokenDto })
  @ApiResponse({ status: 400, type: ErrorDto, description: 'VALIDATION_FAILED' })
  @ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHENTICATED' })
  @ApiResponse({ status: 403, type: ErrorDto, description: "FORBIDDEN_ROLE: the feed is for the municipality's officials." })
  async create(@CurrentActor() actor: Actor, @Body(validationPipe(CreateFeedTokenDto)) body: CreateFeedTokenDto): Promise<FeedTokenDto> {
    const created = await this.tokens.create(actor, body.scope);
    const url = `${this.config.PUBLIC_BASE_URL.replace(/\/$/, '')}/deadlines.ics?token=${created.token}`;
    return { ...created, url };
  }

  @Get()
  @ApiOperation({ operationId: 'listFeedTokens', summary: "The caller's feed tokens (not the tokens themselves): to see what to revoke" })
  @ApiOkResponse({ type: FeedTokenListDto })
  @ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHENTICATED' })
  async list(@CurrentActor() actor: Actor): Promise<FeedTokenListDto> {
    return { items: await this.tokens.list(actor) };
  }

  @Delete(':id')
  @ApiOperation({ operationId: 'revokeFeedToken', summary: 'Revokes a feed token: the calendar app gets 403 from then on' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: RevokedFeedTokenDto, description: 'Revoked (or already revoked).' })
  @ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHENTICATED' })
  @ApiResponse({ status: 404, type: ErrorDto, description: "FEED_TOKEN_NOT_FOUND: no such token of the caller's (admins: of the tenant)." })
  revoke(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<RevokedFeedTokenDto> {
    return this.tokens.revoke(actor, id);
  }
}
