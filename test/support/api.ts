import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createApp } from '../../src/app';
import { mintToken } from '../../src/auth/signing-key';
import { loadConfig } from '../../src/config/app-config';
import type { Role } from '../../src/lifecycle';
import { createLogger } from '../../src/logging/logger';
import { DEMO_MUNICIPALITIES, type DemoMunicipality } from '../../src/demo/demo-reference-data';
import { ReferenceDataStore } from '../../src/reference-data/reference-data.store';
import { FixedClock } from '../../src/shared/clock';
import { onboardMunicipalities } from './reference-data';
import { createTestDatabase, databaseTargets, type DatabaseTarget, type TestDatabase } from './test-database';

export const JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256';

/** Tests set the rate limits explicitly: off, unless a test of the limits sets its own. */
export const NO_RATE_LIMITS = { RATE_LIMIT_PER_CALLER: '0', RATE_LIMIT_PER_ADDRESS: '0', RATE_LIMIT_FAILED_AUTH: '0' } as const;

export interface Caller {
  readonly roles: Role[];
  readonly tenant: string;
  readonly name?: string;
  readonly org?: string;
  readonly sub?: string;
}

/**
 * The service in-process on a database of its own, with a clock the test moves and tokens it mints.
 * The demo municipalities' reference data is set up unless the test names others (`[]`: none).
 */
export class TestApi {
  private constructor(
    readonly app: NestExpressApplication,
    readonly db: TestDatabase,
    readonly clock: FixedClock,
  ) {}

  static async start(
    env: NodeJS.ProcessEnv = {},
    now = new Date('2023-01-02T09:00:00.000Z'),
    target: DatabaseTarget = databaseTargets()[0],
    municipalities: readonly DemoMunicipality[] = DEMO_MUNICIPALITIES,
  ): Promise<TestApi> {
    const db = await createTestDatabase(target);
    const clock = new FixedClock(now);
    const config = loadConfig({ DATABASE_URL: db.url, JWT_SECRET, LOG_LEVEL: 'silent', SCHEDULER_ENABLED: 'false', ...NO_RATE_LIMITS, ...env });
    const app = await createApp(config, createLogger('silent'), clock);
    await app.init();
    await onboardMunicipalities(app.get(ReferenceDataStore), municipalities);
    return new TestApi(app, db, clock);
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.db.drop();
  }

  http() {
    return request(this.app.getHttpServer());
  }

  /** Moves the service's clock to noon (Stockholm's date, all year) of a calendar date. */
  on(date: string): this {
    this.clock.set(new Date(`${date}T12:00:00.000Z`));
    return this;
  }
}

export async function tokenFor(caller: Caller): Promise<string> {
  const claims = {
    sub: caller.sub ?? `user-${caller.roles.join('-')}`,
    name: caller.name ?? `Test ${caller.roles.join('/')}`,
    roles: caller.roles,
    tenant: caller.tenant,
    ...(caller.org && { org: caller.org }),
  };
  return mintToken(claims, new TextEncoder().encode(JWT_SECRET));
}

export async function bearer(caller: Caller): Promise<Record<string, string>> {
  return { Authorization: `Bearer ${await tokenFor(caller)}` };
}
