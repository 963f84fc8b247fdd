/** Query parameters that are credentials: the iCalendar feed's token (calendar apps cannot send headers). */
const SECRET_PARAMS = ['token'];

/** Request headers that carry credentials. */
const SECRET_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'x-api-key'];

export const REDACTED = '[REDACTED]';

/**
 * Paths pino blanks in every log line, whichever serializer wrote it: credentials in headers (of a
 * request, or of an HTTP error that carries one) and personal data an error may quote.
 */
export const REDACT_PATHS = [
  ...SECRET_HEADERS.flatMap((header) => [`req.headers["${header}"]`, `err.config.headers["${header}"]`, `err.request.headers["${header}"]`]),
  'res.headers["set-cookie"]',
  '*.email',
  '*.phone',
  '*.contactPerson',
  // PostgreSQL quotes the offending values in an error's detail (`Key (email)=(…) already exists`).
  'err.detail',
  'err.parameters',
];

/** An e-mail address anywhere in a logged string (a failed delivery's reason, an error message). */
const EMAIL = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[^\s@<>()[\]"',;:]+/g;

/** Masks the e-mail addresses in a string: personal data that may appear in messages we do not write ourselves. */
export function redactEmails(text: string): string {
  return text.replace(EMAIL, REDACTED);
}

/**
 * `token`, and also `token[]` or `token[a]`, which a query parser may turn into an array or object:
 * a parameter is secret by its name before any brackets, however it is percent-encoded.
 */
function isSecretParam(rawName: string): boolean {
  return SECRET_PARAMS.includes(safeDecode(rawName).replace(/\[.*$/s, '').trim().toLowerCase());
}

/** decodeURIComponent that never throws: a malformed escape (`%`, `%zz`) is kept as sent. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text;
  }
}

/** `/deadlines.ics?token=abc&x=1` → `/deadlines.ics?token=[REDACTED]&x=1`; other URLs unchanged. Never throws. */
export function redactUrl(url: string): string {
  const query = url.indexOf('?');
  if (query < 0) return url;
  const params = url
    .slice(query + 1)
    .split('&')
    .map((pair) => {
      const name = pair.split('=')[0];
      return isSecretParam(name) ? `${name}=${REDACTED}` : pair;
    });
  return `${url.slice(0, query)}?${params.join('&')}`;
}

interface SerializedRequest {
  url?: unknown;
  query?: unknown;
  headers?: unknown;
}

/**
 * pino-http's request serializer, keeping credentials out of request logs: the URL and the parsed
 * query carry the feed token, the headers bearer tokens and cookies. It must never throw: a
 * serializer that throws turns any request into a 500, so whatever it cannot read it leaves out.
 */
export function redactRequest<T extends SerializedRequest>(req: T): T {
  try {
    return {
      ...req,
      ...(typeof req.url === 'string' && { url: redactUrl(req.url) }),
      ...(isRecord(req.query) && { query: redactEntries(req.query, isSecretParam) }),
      ...(isRecord(req.headers) && { headers: redactEntries(req.headers, (name) => SECRET_HEADERS.includes(name.toLowerCase())) }),
    };
  } catch {
    return { method: (req as { method?: unknown }).method, url: REDACTED } as unknown as T;
  }
}

function redactEntries(record: Record<string, unknown>, isSecret: (name: string) => boolean): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([name, value]) => [name, isSecret(name) ? REDACTED : value]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
