import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { documentIssuedBy } from '../../documents';
import { decide, evolve, type CaseSnapshot, type CommandOf, type CommandPayloads, type CommandType } from '../../lifecycle';
import { CASE_COMMANDS } from '../case-commands';
import { assertMayIssue, assertRole } from './case-access';
import { CaseCommand, type CommandExtension } from './case-command';
import { CaseCommandService } from './case-command.service';
import { validateBody } from './case-command.controller';
import type { CaseResult } from './case-view';

/**
 * The one handler of every case command, driven by its row in {@link CASE_COMMANDS}: who may give
 * it (before its body is looked at), its DTO, and the named code of the few commands that do more.
 */
@Injectable()
@CommandHandler(CaseCommand)
export class CaseCommandHandler implements ICommandHandler<CaseCommand> {
  constructor(
    private readonly commands: CaseCommandService,
    private readonly modules: ModuleRef,
  ) {}

  async execute<K extends CommandType>(command: CaseCommand<K>): Promise<CaseResult> {
    const { type, actor, caseId, request } = command;
    const row = CASE_COMMANDS[type];
    const extension = row.extension && this.modules.get<CommandExtension<K>>(row.extension, { strict: false });
    let body: object = {};
    const result = await this.commands.run(
      actor,
      caseId,
      request,
      async (loaded) => {
        assertRole(actor, type);
        body = await validateBody(row.dto, command.body);
        // The issuing rules read only what the caller sends (a party, an organisation, a receipt): every DTO carries it.
        const role = assertMayIssue(actor, type, body as CommandPayloads[K]);
        return {
          content: { type, payload: body },
          role,
          decide: async (now) => {
            const payload = extension ? await extension.payload({ body, actor, loaded, now }) : (body as CommandPayloads[K]);
            const events = withIssuedDocument(loaded.snapshot, { type, now, ...payload } as CommandOf<K>);
            return { events, then: events.reduce(evolve, loaded.snapshot) };
          },
        };
      },
      { allowNew: type === 'submit-application' },
    );
    await extension?.after?.(command, body);
    return result;
  }
}

/**
 * The command's events; when its event sends, signs or publishes a document, decided again with the
 * document the engine made of the case with it (its hash): the lifecycle records it, pure as ever.
 */
function withIssuedDocument<K extends CommandType>(snapshot: CaseSnapshot, command: CommandOf<K>) {
  const events = decide(snapshot, command);
  const document = documentIssuedBy(snapshot, events[0]);
  return document ? decide(snapshot, { ...command, document }) : events;
}
