import type { LoggerService } from '@nestjs/common';
import pino, { type DestinationStream, type Logger } from 'pino';
import { REDACT_PATHS, REDACTED, redactEmails } from './redact';

/**
 * JSON lines on stdout. Nothing secret or personal is written: credentials and known personal
 * fields are blanked by path, and e-mail addresses in any logged string (an SMTP server's refusal
 * quotes the recipient) are masked.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'iop-engine' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      formatters: { log: (object) => maskStrings(object, 4) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? redactEmails(arg) : arg)) as typeof args);
        },
      },
    },
    destination,
  );
}

/** Masks e-mail addresses in the strings of a log object, `depth` levels down (errors included). */
function maskStrings(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactEmails(value);
  if (depth === 0 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => maskStrings(item, depth - 1));
  const entries = value instanceof Error ? { ...value, message: value.message, stack: value.stack, type: value.name } : value;
  return Object.fromEntries(Object.entries(entries).map(([key, item]) => [key, maskStrings(item, depth - 1)]));
}

/** Routes NestJS's own log lines into the same structured JSON stream. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }

  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }

  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }

  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }

  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}

/** Injection token for the application's pino logger. */
export const LOGGER = Symbol('LOGGER');
