import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('starts with working defaults and no variables at all', () => {
    expect(loadConfig({})).toMatchObject({ PORT: 3000, DATA_DIR: './data', EMBEDDED_PG_PORT: 54320, LOG_LEVEL: 'info', DATABASE_URL: undefined });
  });

  it('reads numbers and strings from the environment', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', LOG_LEVEL: 'debug' });
    expect(config).toMatchObject({ PORT: 8080, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', LOG_LEVEL: 'debug' });
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/iop'],
    ['LOG_LEVEL', 'loud'],
    ['DATABASE_POOL_SIZE', '0'],
  ])('stops on %s=%s with a message naming the variable', (name, value) => {
    const attempt = () => loadConfig({ [name]: value });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(`${name}="${value}"`));
  });

  it('lists every wrong variable at once', () => {
    const error = (() => {
      try {
        loadConfig({ PORT: 'x', LOG_LEVEL: 'loud' });
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(error?.problems.map((p) => p.split('=')[0]).sort()).toEqual(['LOG_LEVEL', 'PORT']);
  });
});
