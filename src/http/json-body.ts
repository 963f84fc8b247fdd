import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, type NextFunction, type Request, type Response } from 'express';
import type { AppConfig } from '../config/app-config';
import { RequestRefused } from './request-refused';

const OPEN = new Set([0x5b, 0x7b]); // [ {
const CLOSE = new Set([0x5d, 0x7d]); // ] }
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * How deeply the JSON text nests arrays and objects, counted on the raw bytes before parsing:
 * class-transformer recurses per level and overflows the stack some thousand levels down.
 * Linear in the body's size; brackets inside strings do not count.
 */
export function jsonDepth(text: Uint8Array): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const byte = text[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (OPEN.has(byte)) deepest = Math.max(deepest, ++depth);
    else if (CLOSE.has(byte)) depth--;
  }
  return deepest;
}

/**
 * The only body parser: JSON up to HTTP_BODY_LIMIT_BYTES, nested at most HTTP_JSON_MAX_DEPTH
 * levels (checked before parsing). Nest's default parsers are off (see createApp); form bodies are
 * not parsed, since no endpoint takes one.
 */
export function useJsonBody(app: NestExpressApplication, config: AppConfig): void {
  app.use(
    json({
      limit: config.HTTP_BODY_LIMIT_BYTES,
      verify: (_req, _res, body) => {
        if (jsonDepth(body) > config.HTTP_JSON_MAX_DEPTH)
          throw new RequestRefused('MALFORMED_BODY', `The JSON body nests deeper than ${config.HTTP_JSON_MAX_DEPTH} levels.`);
      },
    }),
    bodyParserErrors(config),
  );
}

/** body-parser's errors (by their `type`) as the engine's typed errors, for the error filter to answer. */
function bodyParserErrors(config: AppConfig) {
  return (error: Error & { type?: string }, _req: Request, _res: Response, next: NextFunction): void => {
    next(bodyParserError(error, config) ?? error);
  };
}

function bodyParserError(error: Error & { type?: string }, config: AppConfig): RequestRefused | undefined {
  switch (error.type) {
    case 'entity.too.large':
      return new RequestRefused('PAYLOAD_TOO_LARGE', `The body is larger than ${config.HTTP_BODY_LIMIT_BYTES} bytes.`);
    case 'entity.verify.failed':
      // A fresh error: body-parser has given the depth check's a `status` (403) that would win over its code.
      return new RequestRefused('MALFORMED_BODY', error instanceof RequestRefused ? error.message : 'The body could not be read.');
    case 'entity.parse.failed':
      return new RequestRefused('MALFORMED_BODY', `The body is not valid JSON: ${error.message}`);
    case 'encoding.unsupported':
    case 'charset.unsupported':
    case 'request.size.invalid':
    case 'request.aborted':
      return new RequestRefused('MALFORMED_BODY', `The body could not be read: ${error.message}`);
    default:
      return undefined;
  }
}
