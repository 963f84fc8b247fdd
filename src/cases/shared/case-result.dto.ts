import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Label } from '../../lifecycle';
import type { CaseResult, CaseState } from './case-view';

export class LabelDto implements Label {
  @ApiProperty({ example: 'Beslutad – väntar på justering' })
  sv!: string;

  @ApiProperty({ example: 'Decided – awaiting justering' })
  en!: string;
}

export class CaseStateDto implements CaseState {
  @ApiProperty({ type: [String], example: ['decision.approved.awaitingJustering'], description: 'Dotted paths of the active leaf states of the case machine; several while both parties sign.' })
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

export class ErrorDto {
  @ApiProperty({ example: 409 })
  statusCode!: number;

  @ApiProperty({ example: 'TRANSITION_NOT_ALLOWED', description: 'Machine-readable: fixed for each kind of refusal.' })
  code!: string;

  @ApiProperty({ example: "'record-justering' is not allowed in state 'Registered'; allowed: assign-officer, withdraw" })
  message!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Per-field messages, the allowed commands, the current revision, … depending on the code.' })
  details?: Record<string, unknown>;
}
