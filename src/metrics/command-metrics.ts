import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EngineError } from '../shared/engine-error';
import { LifecycleError } from '../lifecycle';
import { Metrics } from './metrics';

/** A command's type: a case command names its own (`sign`); another is named by its class (MigrateMachineCommand: `migrate-machine`). */
function typeOf(command: object): string {
  if ('type' in command && typeof command.type === 'string') return command.type;
  return command.constructor.name
    .replace(/Command$/, '')
    .replace(/(?<=[a-z0-9])([A-Z])/g, '-$1')
    .toLowerCase();
}

/** Accepted, or the code it was refused with; `error` for anything else (a fault of ours). */
function outcomeOf(error: unknown): string {
  return error instanceof EngineError || error instanceof LifecycleError ? error.code : 'error';
}

/**
 * Counts every command the bus executes, by type and outcome, by wrapping the bus's `execute`
 * once at start: the controllers and handlers stay as they are, and commands that do not come
 * over HTTP are counted too.
 */
@Injectable()
export class CommandMetrics implements OnModuleInit {
  constructor(
    private readonly bus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    const execute = this.bus.execute.bind(this.bus);
    const count = (command: object, outcome: string) => this.metrics.commands.inc({ command: typeOf(command), outcome });
    this.bus.execute = (async (command: object, ...rest: unknown[]) => {
      try {
        const result = await (execute as (...args: unknown[]) => Promise<unknown>)(command, ...rest);
        count(command, 'accepted');
        return result;
      } catch (error) {
        count(command, outcomeOf(error));
        throw error;
      }
    }) as CommandBus['execute'];
  }
}
