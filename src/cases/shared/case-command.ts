import type { Type } from '@nestjs/common';
import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../auth/actor';
import type { CommandPayloads, CommandType, Timestamp } from '../../lifecycle';
import type { CaseAt } from './case-repository';
import type { CaseResult } from './case-view';

/** What the HTTP request adds to a command: optimistic concurrency and idempotency. */
export interface CommandRequest {
  /** From If-Match: the revision the caller last saw. */
  readonly ifMatch?: bigint;
  /** From Idempotency-Key: a retried request with the same key is answered, not executed again. */
  readonly idempotencyKey?: string;
  /** From X-Correlation-Id: ties the events to a larger flow (a batch, a process). */
  readonly correlationId?: string;
}

/**
 * A command on one case as a caller gave it: the body as sent. The one handler checks who may give
 * it before it validates the body against the command's DTO, so a caller who may not learns nothing
 * of its shape.
 */
export class CaseCommand<K extends CommandType = CommandType> extends Command<CaseResult> {
  constructor(
    readonly type: K,
    readonly actor: Actor,
    readonly caseId: string,
    readonly body: unknown,
    readonly request: CommandRequest = {},
  ) {
    super();
  }
}

/** What an extension sees: the validated body, who gives it, the case as loaded, and when. */
export interface ExtensionInput<D extends object> {
  readonly body: D;
  readonly actor: Actor;
  readonly loaded: CaseAt;
  readonly now: Timestamp;
}

/** Named code for a command that does more than record its body: an injectable class, found by the one handler. */
export interface CommandExtension<K extends CommandType> {
  /** The lifecycle's payload: the body plus what the engine adds (a diarienummer, a data subject, a linked case). */
  payload(input: ExtensionInput<object>): Promise<CommandPayloads[K]> | CommandPayloads[K];
  /** After the events are appended, also when a retry is answered from the store (start-renewal opens the linked case). */
  after?(command: CaseCommand<K>, body: object): Promise<void>;
}

/** A row of the command table: most commands record their validated body as it is. */
export type CommandRow<K extends CommandType> =
  | { readonly dto: Type<CommandPayloads[K]>; readonly summary: string; readonly extension?: undefined }
  | { readonly dto: Type<object>; readonly summary: string; readonly extension: Type<CommandExtension<K>> };
