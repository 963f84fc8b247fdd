import { admitScraper, isLoopback } from './scrape-access';

describe('who may scrape /metrics', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.5', false],
    ['192.168.1.127', false],
    ['::ffff:10.0.0.5', false],
    ['::12', false],
    ['fe80::1', false],
    [undefined, false],
  ])('%s is loopback: %s', (address, expected) => {
    expect(isLoopback(address)).toBe(expected);
  });

  const refused = (remoteAddress: string, authorization: string | undefined, token: string | undefined) => {
    try {
      admitScraper({ remoteAddress, authorization }, token);
      return undefined;
    } catch (error) {
      return (error as { code: string }).code;
    }
  };

  it('without a metrics token: loopback only', () => {
    expect(refused('127.0.0.1', undefined, undefined)).toBeUndefined();
    expect(refused('10.0.0.5', undefined, undefined)).toBe('UNAUTHENTICATED');
    expect(refused('10.0.0.5', 'Bearer anything-at-all-here', undefined)).toBe('UNAUTHENTICATED');
  });

  it('with a metrics token: the token, from anywhere, loopback included', () => {
    const token = 'a-scraper-token-of-some-length';
    expect(refused('10.0.0.5', `Bearer ${token}`, token)).toBeUndefined();
    expect(refused('10.0.0.5', `bearer ${token}`, token)).toBeUndefined();
    expect(refused('127.0.0.1', undefined, token)).toBe('UNAUTHENTICATED');
    expect(refused('10.0.0.5', `Bearer ${token}x`, token)).toBe('UNAUTHENTICATED');
    expect(refused('10.0.0.5', `Basic ${token}`, token)).toBe('UNAUTHENTICATED');
    expect(refused('10.0.0.5', 'Bearer', token)).toBe('UNAUTHENTICATED');
  });
});
