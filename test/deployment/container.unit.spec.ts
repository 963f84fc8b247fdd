import Ajv from 'ajv';
import draft07 from 'ajv/dist/refs/json-schema-draft-07.json';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { AppConfig } from '../../src/config/app-config';

const ROOT = join(__dirname, '../..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

interface ComposeService {
  build?: unknown;
  image?: string;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
}
const compose = parse(read('docker-compose.yml')) as { services: Record<string, ComposeService> };
const app = compose.services.app;

describe('docker-compose.yml', () => {
  it("is valid under the Compose specification's schema", () => {
    // The schema (draft-07) marks fields `deprecated`, a keyword of later drafts: known, not checked.
    const ajv = new Ajv({ allErrors: true, strict: false });
    // It names its meta-schema by the https address, which ajv knows by the http one.
    ajv.addMetaSchema({ ...draft07, $id: 'https://json-schema.org/draft-07/schema' });
    const validate = ajv.compile(JSON.parse(read('test/fixtures/compose-spec/compose-spec.json')));
    expect(validate(compose) ? [] : validate.errors).toEqual([]);
  });

  it('sets the app only variables its configuration knows', () => {
    const known = Object.keys(new AppConfig());
    expect(Object.keys(app.environment!).filter((name) => !known.includes(name))).toEqual([]);
  });

  it('requires the production settings: issuer, audience, master key, database password, public address', () => {
    const required = Object.entries(app.environment!)
      .filter(([, value]) => /\$\{\w+:\?[^}]+\}/.test(value))
      .map(([name]) => name);
    expect(required.sort()).toEqual(['DATABASE_URL', 'JWT_AUDIENCE', 'JWT_ISSUER', 'JWT_JWKS_URL', 'PERSONAL_DATA_KEY', 'PUBLIC_BASE_URL']);
  });

  it('wires the app to its PostgreSQL and the mail catcher, and offers nothing else', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'mail', 'postgres']);
    expect(app.build).toBe('.');
    expect(app.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, mail: { condition: 'service_started' } });
    expect(new URL(app.environment!.DATABASE_URL.replace(/\$\{[^}]+\}/, 'secret')).host).toBe('postgres:5432');
    expect(app.environment!.SMTP_HOST).toBe('mail');
  });
});

describe('Dockerfile', () => {
  const lines = read('Dockerfile')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'));
  const instructions = (name: string) => lines.filter((line) => line.startsWith(`${name} `));
  const finalStage = lines.slice(lines.lastIndexOf(instructions('FROM').at(-1)!));

  it('builds in one stage, with npm run build (the service and the web app), and runs from another', () => {
    expect(instructions('FROM').length).toBeGreaterThanOrEqual(2);
    expect(instructions('RUN')).toContain('RUN npm run build');
    expect(finalStage).toContain('COPY --from=build /app/dist ./dist');
    expect(finalStage.find((line) => line.startsWith('CMD '))).toBe('CMD ["node", "dist/src/main.js"]');
  });

  it('runs as an unprivileged user, listens on all interfaces and checks its own health', () => {
    const user = finalStage.filter((line) => line.startsWith('USER ')).at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^USER (root|0)(:|$)/);
    expect(finalStage.join('\n')).toMatch(/HOST=0\.0\.0\.0/);
    expect(finalStage.find((line) => line.startsWith('HEALTHCHECK '))).toMatch(/\/health/);
  });

  it('leaves dependencies, build output and local data out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', 'dist', 'data', '.git', '.env']));
  });
});
