import { applyDecorators, Body, Controller, Headers, HttpCode, HttpStatus, Param, Post, Res, ValidationPipe, type Type } from '@nestjs/common';
import { CommandBus, type Command } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { InvalidInput } from '../../shared/engine-error';
import { caseNotFound } from './case-error';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { CommandType } from '../../lifecycle';
import { CaseCommand, type CommandRequest, type CommandRow } from './case-command';
import { CaseResultDto, ErrorDto } from './case-result.dto';
import { isCaseId } from './case-stream';
import { ETAG_HEADER, etag, type CaseResult } from './case-view';
import { flattenValidationErrors, VALIDATION_OPTIONS } from './validation';

/** Validates a body (or a query) against its DTO: unknown fields are refused, every field's problems listed. */
export function validationPipe(dto: Type<object>, what = 'request body'): ValidationPipe {
  return new ValidationPipe({
    ...VALIDATION_OPTIONS,
    expectedType: dto,
    transform: true,
    exceptionFactory: (errors) => new InvalidInput('VALIDATION_FAILED', `The ${what} is not valid.`, { fields: flattenValidationErrors(errors) }),
  });
}

/** A command's body as its DTO, or 400: the same check as {@link validationPipe}, run when the handler is ready for it. */
export async function validateBody<D extends object>(dto: Type<D>, body: unknown): Promise<D> {
  return (await validationPipe(dto).transform(body, { type: 'body', metatype: dto })) as D;
}

/** Reads the headers that shape a command: If-Match, Idempotency-Key, X-Correlation-Id. */
export function commandRequest(headers: Record<string, string | undefined>): CommandRequest {
  const ifMatch = headers['if-match'];
  const revision = ifMatch === undefined ? undefined : /^(?:W\/)?"?(-?\d+)"?$/.exec(ifMatch.trim())?.[1];
  if (ifMatch !== undefined && revision === undefined) {
    throw new InvalidInput('VALIDATION_FAILED', 'If-Match must be an ETag of this API, e.g. "7".', {
      fields: [{ field: 'If-Match', messages: ['not a revision ETag'] }],
    });
  }
  return {
    ...(revision !== undefined && { ifMatch: BigInt(revision) }),
    ...(headers['idempotency-key'] && { idempotencyKey: headers['idempotency-key'] }),
    ...(headers['x-correlation-id'] && { correlationId: headers['x-correlation-id'] }),
  };
}

/** A case id from the path; what is not a UUID names no case. */
export function parseCaseId(id: string): string {
  if (!isCaseId(id)) throw caseNotFound(id);
  return id.toLowerCase();
}

const ERROR_RESPONSES = [
  [HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED: the body or a header is malformed; `details.fields` lists each field.'],
  [HttpStatus.UNAUTHORIZED, 'UNAUTHENTICATED: no or an invalid bearer token.'],
  [HttpStatus.FORBIDDEN, 'FORBIDDEN_ROLE / FORBIDDEN_ORGANISATION: the caller may not give this command.'],
  [HttpStatus.NOT_FOUND, 'CASE_NOT_FOUND: no such case visible to the caller.'],
  [
    HttpStatus.CONFLICT,
    'TRANSITION_NOT_ALLOWED (not in this state; `details.allowed`), CASE_CHANGED (changed meanwhile) or REFERENCE_DATA_MISSING (the tenant lacks what the command needs; `details.sv`/`details.en` say what an administrator must add).',
  ],
  [HttpStatus.PRECONDITION_FAILED, 'PRECONDITION_FAILED: If-Match names an older revision.'],
  [HttpStatus.UNPROCESSABLE_ENTITY, 'RULE_VIOLATED (a rule of the lifecycle; `details.violations`) or IDEMPOTENCY_KEY_REUSED.'],
] as const;

/** The headers every command takes and the errors it may answer with, for the OpenAPI document. */
export const CommandHeaders = () =>
  applyDecorators(
    ApiHeader({ name: 'If-Match', required: false, description: 'The revision ETag last seen, e.g. "7": refused with 412 if the case has moved on.' }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Any unique string: a repeated request with it returns the first answer and writes nothing, even when its If-Match is stale by then. After a lost answer, retry the same request with the same key.',
    }),
    ApiHeader({ name: 'X-Correlation-Id', required: false, description: 'Recorded in the events, to tie them to a larger flow.' }),
    ...ERROR_RESPONSES.map(([status, description]) => ApiResponse({ status, description, type: ErrorDto })),
  );

/** A DTO with no documented properties is a command without a body (record-final, …). */
function hasProperties(dto: Type<object>): boolean {
  // @nestjs/swagger's own record of @ApiProperty-decorated fields (its DECORATORS.API_MODEL_PROPERTIES_ARRAY).
  return (Reflect.getMetadata('swagger/apiModelPropertiesArray', dto.prototype) ?? []).length > 0;
}

/** What makes a command endpoint: where it is, how the OpenAPI document shows it, and the command it sends. */
export interface CommandEndpoint {
  readonly tag: string;
  readonly path: string;
  /** Its OpenAPI operation, body, answers and headers, applied in this order. */
  readonly docs: MethodDecorator[];
  readonly command: (actor: Actor, caseId: string, body: unknown, request: CommandRequest) => Command<CaseResult>;
}

/**
 * A controller that sends one command on a case: `POST /cases/<path>`, the body as sent (the handler
 * validates it once the caller is known to be allowed), the case's new revision as ETag.
 */
export function commandController({ tag, path, docs, command }: CommandEndpoint): Type<object> {
  @ApiTags(tag)
  @ApiBearerAuth()
  @Controller('cases')
  class CommandController {
    constructor(private readonly bus: CommandBus) {}

    @Post(path)
    @HttpCode(HttpStatus.OK)
    @applyDecorators(...docs)
    async handle(
      @CurrentActor() actor: Actor,
      @Param('id') id: string,
      @Body() body: unknown,
      @Headers() headers: Record<string, string | undefined>,
      @Res({ passthrough: true }) response: Response,
    ): Promise<CaseResult> {
      const result = await this.bus.execute(command(actor, parseCaseId(id), body, commandRequest(headers)));
      response.setHeader('ETag', etag(result.revision));
      return result;
    }
  }
  return CommandController;
}

/** The controller of one case command, `POST /cases/:id/commands/<type>`, from its row of the command table. */
export function caseCommandController<K extends CommandType>(type: K, { dto, summary }: CommandRow<K>): Type<object> {
  const noBody = {
    required: false,
    description: 'No body: the engine knows everything this command needs.',
    schema: { type: 'object' as const, properties: {}, additionalProperties: false },
  };
  return commandController({
    tag: 'Case commands',
    path: `:id/commands/${type}`,
    docs: [
      ApiOperation({ operationId: type.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()), summary }),
      ApiParam({ name: 'id', format: 'uuid', description: 'The case id.' }),
      hasProperties(dto) ? ApiBody({ type: dto }) : ApiBody(noBody),
      ApiOkResponse({ type: CaseResultDto, description: 'The case after the command.', headers: ETAG_HEADER }),
      CommandHeaders(),
    ],
    command: (actor, caseId, body, request) => new CaseCommand(type, actor, caseId, body, request),
  });
}
