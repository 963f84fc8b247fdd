import { ApiProperty } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { CaseStateDto } from '../../cases/shared/case-result.dto';
import { MachineDto } from '../../cases/get-case/case-view.dto';

export class ActorDto {
  @ApiProperty({ example: 'frida.larsson' })
  id!: string;

  @ApiProperty({ example: 'Frida Larsson', description: 'The name the actor had when acting.' })
  name!: string;

  @ApiProperty({ example: 'handlaggare', description: 'The role the actor acted in.' })
  role!: string;
}

export class HistoryEntryDto {
  @ApiProperty({ example: '3' })
  revision!: string;

  @ApiProperty({ type: String, format: 'date-time', description: "The server's clock when the event was recorded." })
  recordedAt!: string;

  @ApiProperty({ example: 'DecisionRecorded' })
  type!: string;

  @ApiProperty({ type: () => ActorDto })
  actor!: ActorDto;

  @ApiProperty({ format: 'uuid', description: 'The command that recorded the event.' })
  commandId!: string;

  @ApiProperty({ description: 'Ties the event to a larger flow (a renewal, a batch).' })
  correlationId!: string;

  @ApiProperty({ type: () => CaseStateDto, description: 'The state before the event.' })
  stateBefore!: CaseStateDto;

  @ApiProperty({ type: () => CaseStateDto, description: 'The state after the event.' })
  stateAfter!: CaseStateDto;

  @ApiProperty({
    allOf: [{ $ref: '#/components/schemas/JsonObject' }],
    description: "The event's data, as recorded; personal data opened, or `[raderad]` once its data subject was erased.",
  })
  payload!: Record<string, unknown>;

  @ApiProperty({ type: () => MachineDto, description: 'The lifecycle version the event was recorded under.' })
  machine!: MachineDto;

  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', description: 'sha256 over the previous hash and this event.' })
  hash!: string;
}

export class CaseHistoryDto {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ type: String, nullable: true, example: 'KS 2023/01692' })
  diarienummer!: string | null;

  @ApiProperty({ type: () => [HistoryEntryDto] })
  events!: HistoryEntryDto[];
}

type SchemaObject = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string];

/** Event payloads are JSON: a recursive schema, added to the document next to StateValue. */
export const JSON_SCHEMAS: Record<string, SchemaObject> = {
  JsonValue: {
    nullable: true,
    oneOf: [
      { type: 'string' },
      { type: 'number' },
      { type: 'boolean' },
      { type: 'array', items: { $ref: '#/components/schemas/JsonValue' } },
      { $ref: '#/components/schemas/JsonObject' },
    ],
  },
  JsonObject: { type: 'object', additionalProperties: { $ref: '#/components/schemas/JsonValue' } },
};
