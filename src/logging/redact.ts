/** Query parameters that are credentials: the iCalendar feed's token (calendar apps cannot send headers). */
const SECRET_PARAMS = ['token'];

const REDACTED = '[REDACTED]';

/** `/deadlines.ics?token=abc&x=1` → `/deadlines.ics?token=[REDACTED]&x=1`; other URLs unchanged. */
export function redactUrl(url: string): string {
  const query = url.indexOf('?');
  if (query < 0) return url;
  const params = url
    .slice(query + 1)
    .split('&')
    .map((pair) => (SECRET_PARAMS.includes(decodeURIComponent(pair.split('=')[0])) ? `${pair.split('=')[0]}=${REDACTED}` : pair));
  return `${url.slice(0, query)}?${params.join('&')}`;
}

/**
 * pino-http's request serializer, keeping credentials out of request logs: the URL and the
 * parsed query both carry the feed token. Receives the standard serialized request.
 */
export function redactRequest<T extends { url?: string; query?: Record<string, unknown> }>(req: T): T {
  const query = req.query && Object.fromEntries(Object.entries(req.query).map(([k, v]) => [k, SECRET_PARAMS.includes(k) ? REDACTED : v]));
  return { ...req, ...(req.url !== undefined && { url: redactUrl(req.url) }), ...(query && { query }) };
}
