import type { NextFunction, Request, Response } from 'express';
import { InvalidInput } from '../shared/engine-error';
import type { FieldErrors } from '../cases/shared/validation';

/** A NUL, or half of a surrogate pair: PostgreSQL stores neither (text nor jsonb). */
// eslint-disable-next-line no-control-regex -- the NUL is what this looks for
const ILL_FORMED = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function problemOf(text: string): string | undefined {
  const match = ILL_FORMED.exec(text);
  if (!match) return undefined;
  return match[0] === '\u0000' ? 'must not contain a NUL character (\\u0000)' : 'must be well-formed Unicode: it holds half of a surrogate pair';
}

/** Every string of a parsed JSON value (keys too) that PostgreSQL would refuse, by its dotted path. */
export function illFormedStrings(value: unknown, path = ''): FieldErrors[] {
  if (typeof value === 'string') {
    const problem = problemOf(value);
    return problem ? [{ field: path || '(body)', messages: [problem] }] : [];
  }
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const field = path === '' ? key : `${path}.${key}`;
    const keyProblem = problemOf(key);
    return [...(keyProblem ? [{ field, messages: [`its name ${keyProblem}`] }] : []), ...illFormedStrings(item, field)];
  });
}

/** The path's segments as the router will decode them; one that does not decode is left to the router (404). */
function pathSegments(path: string): string[] {
  return path.split('/').map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return '';
    }
  });
}

/**
 * Refuses, for every endpoint at once, a path, query or body whose strings hold a NUL or a lone
 * surrogate: 400 VALIDATION_FAILED naming each field, where the database would otherwise answer 500.
 */
export function refuseIllFormedText(req: Request, _res: Response, next: NextFunction): void {
  const fields = [
    ...illFormedStrings(pathSegments(req.path)).map(({ messages }) => ({ field: '(path)', messages })),
    ...illFormedStrings(req.body),
    ...illFormedStrings(req.query),
  ];
  next(fields.length > 0 ? new InvalidInput('VALIDATION_FAILED', 'The request holds text that cannot be stored.', { fields }) : undefined);
}
