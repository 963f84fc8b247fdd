import { describe, expect, it } from '@jest/globals';
import { redactRequest, redactUrl } from './redact';

describe('redacting credentials from request logs', () => {
  it('hides the feed token in a URL, keeping the rest', () => {
    expect(redactUrl('/deadlines.ics?token=iopfeed_secret')).toBe('/deadlines.ics?token=[REDACTED]');
    expect(redactUrl('/deadlines.ics?x=1&token=iopfeed_secret&y=2')).toBe('/deadlines.ics?x=1&token=[REDACTED]&y=2');
    expect(redactUrl('/deadlines?from=2025-01-01')).toBe('/deadlines?from=2025-01-01');
    expect(redactUrl('/cases')).toBe('/cases');
  });

  it('hides it in the serialized request (url and parsed query)', () => {
    const req = { method: 'GET', url: '/deadlines.ics?token=s3cret', query: { token: 's3cret', other: 'ok' } };
    expect(JSON.stringify(redactRequest(req))).not.toContain('s3cret');
    expect(redactRequest(req).query).toEqual({ token: '[REDACTED]', other: 'ok' });
  });
});
