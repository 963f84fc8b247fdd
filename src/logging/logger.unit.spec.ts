import { describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import { createLogger } from './logger';

/** What createLogger writes for one call, as text. */
function logged(write: (logger: ReturnType<typeof createLogger>) => void): string {
  const lines: string[] = [];
  write(createLogger('info', new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) })));
  return lines.join('');
}

describe('the log writes nothing secret or personal', () => {
  it('blanks credentials in headers and masks e-mail addresses in any string', () => {
    const text = logged((logger) =>
      logger.warn(
        { req: { headers: { authorization: 'Bearer eyJ.secret.sig', cookie: 'sid=s3cret' } }, reason: '550 <anna.berg@example.se>: mailbox unavailable' },
        'delivery to anna.berg@example.se failed',
      ),
    );
    expect(text).toContain('delivery to [REDACTED] failed');
    expect(text).not.toMatch(/eyJ\.secret|s3cret|anna\.berg/);
  });

  it('masks them in a logged error too', () => {
    const text = logged((logger) =>
      logger.error({ err: Object.assign(new Error('no mailbox kim@example.se'), { detail: 'Key (email)=(kim@example.se)' }) }, 'failed'),
    );
    expect(text).toContain('no mailbox [REDACTED]');
    expect(text).not.toContain('kim@example.se');
  });
});
