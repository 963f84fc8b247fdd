import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { StateValue } from 'xstate';
import type { OpenAPIObject } from '@nestjs/swagger';

type SchemaObject = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string];
import type { Label } from '../../lifecycle';
import type { CaseResult, CaseState } from './case-view';

export class LabelDto implements Label {
  @ApiProperty({ example: 'Beslutad – väntar på justering' })
  sv!: string;

  @ApiProperty({ example: 'Decided – awaiting justering' })
  en!: string;
}

/** XState's state value is recursive: a state name, or an object of region → state value. */
const STATE_VALUE_SCHEMA: SchemaObject = {
  description: 'A state name, or for compound and parallel states an object from child state to its value.',
  oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: { $ref: '#/components/schemas/StateValue' } }],
};

/** Adds recursive schemas, which have no class to be generated from, to a generated document. */
export function withRecursiveSchemas(document: OpenAPIObject, extra: Record<string, SchemaObject> = {}): OpenAPIObject {
  const schemas = { ...document.components?.schemas, StateValue: STATE_VALUE_SCHEMA, ...extra };
  return { ...document, components: { ...document.components, schemas } };
}

export class CaseStateDto implements CaseState {
  @ApiProperty({
    allOf: [{ $ref: '#/components/schemas/StateValue' }],
    example: { signing: { municipality: 'signed', organisation: 'unsigned' } },
    description: "The case machine's state value.",
  })
  value!: StateValue;

  @ApiProperty({
    type: [String],
    example: ['decision.approved.awaitingJustering'],
    description: 'Dotted paths of the active leaf states of the case machine; several while both parties sign.',
  })
  paths!: string[];

  @ApiProperty({ type: () => LabelDto })
  label!: LabelDto;

  @ApiProperty({ description: 'True once the case has ended (withdrawn, rejected, terminated, expired, …); it stays readable.' })
  closed!: boolean;
}

export class CaseResultDto implements CaseResult {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: () => CaseStateDto })
  state!: CaseStateDto;

  @ApiProperty({ example: '7', description: 'The case revision after the command; send it back as If-Match: "7".' })
  revision!: string;
}

export class FieldErrorDto {
  @ApiProperty({ example: 'terms.period.start', description: 'The field, as a dotted path (or a header name).' })
  field!: string;

  @ApiProperty({ type: [String], example: ['must be a date (YYYY-MM-DD)'] })
  messages!: string[];
}

export class ViolationDto {
  @ApiProperty({ example: 'justering-after-meeting' })
  rule!: string;

  @ApiProperty()
  sv!: string;

  @ApiProperty()
  en!: string;
}

export class RefusedInStateDto {
  @ApiProperty({ type: [String], example: ['application.registered'], description: 'Dotted paths of the active leaf states, as in CaseStateDto.' })
  paths!: string[];

  @ApiProperty({ type: () => LabelDto })
  label!: LabelDto;
}

/** Each field belongs to some codes only; all are optional. */
export class ErrorDetailsDto {
  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'VALIDATION_FAILED: each invalid field.' })
  fields?: FieldErrorDto[];

  @ApiPropertyOptional({ example: 'record-justering', description: 'TRANSITION_NOT_ALLOWED: the refused command.' })
  command?: string;

  @ApiPropertyOptional({ type: () => RefusedInStateDto, description: 'TRANSITION_NOT_ALLOWED: the state the case is in.' })
  state?: RefusedInStateDto;

  @ApiPropertyOptional({ type: [String], example: ['assign-officer', 'withdraw'], description: 'TRANSITION_NOT_ALLOWED: the commands allowed now.' })
  allowed?: string[];

  @ApiPropertyOptional({ type: [String], example: ['handlaggare'], description: 'FORBIDDEN_ROLE: the roles that may give the command.' })
  required?: string[];

  @ApiPropertyOptional({ example: '7', description: 'PRECONDITION_FAILED, CASE_CHANGED: the current revision.' })
  revision?: string;

  @ApiPropertyOptional({ type: [ViolationDto], description: 'RULE_VIOLATED: the rules broken.' })
  violations?: ViolationDto[];
}

export class ErrorDto {
  @ApiProperty({ example: 409 })
  statusCode!: number;

  @ApiProperty({ example: 'TRANSITION_NOT_ALLOWED', description: 'Machine-readable: fixed for each kind of refusal.' })
  code!: string;

  @ApiProperty({ example: "'record-justering' is not allowed in state 'Registered'; allowed: assign-officer, withdraw" })
  message!: string;

  @ApiPropertyOptional({ type: () => ErrorDetailsDto, description: 'What the refusal is about; which fields are present depends on the code.' })
  details?: ErrorDetailsDto;
}
