import { applyDecorators } from '@nestjs/common';
import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** A whole-number setting from `min` (up to `max`), read from its environment string. */
const Integer = (min: number, max?: number) => applyDecorators(IsInt(), Min(min), ...(max === undefined ? [] : [Max(max)]), Transform(toInt));

/** Every environment variable the service reads, with its default. README's configuration table mirrors this. */
export class AppConfig {
  @Integer(0, 65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @Integer(1, 500)
  DATABASE_POOL_SIZE = 10;

  @IsString()
  DATA_DIR = './data';

  @Integer(1, 65535)
  EMBEDDED_PG_PORT = 54320;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Integer(0)
  SHUTDOWN_TIMEOUT_MS = 10000;

  @Integer(10)
  SUBSCRIPTION_POLL_INTERVAL_MS = 1000;

  @Integer(1)
  HEALTH_MAX_SUBSCRIBER_LAG_SECONDS = 60;

  /** Bearer token a Prometheus scraper sends to GET /metrics; unset: /metrics answers loopback requests only. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;

  /** How often the global anchor records the changed stream heads; 0 turns it off. */
  @Integer(0)
  ANCHOR_INTERVAL_MS = 3_600_000;

  /** Create the demo cases on an empty database; unset: only on the embedded database. */
  @IsOptional()
  @IsBoolean()
  @Transform(toBoolean)
  DEMO_DATA?: boolean;

  /** HS256 key for bearer tokens; unset (and no JWKS URL): a key generated in DATA_DIR, for local use. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['https', 'http'] }, { message: 'JWT_JWKS_URL must be an http(s) URL' })
  JWT_JWKS_URL?: string;

  @IsOptional()
  @IsString()
  JWT_ISSUER?: string;

  @IsOptional()
  @IsString()
  JWT_AUDIENCE?: string;

  /** Longest lifetime (`exp` − `iat`, or `exp` − now without `iat`) a bearer token may have. */
  @Integer(60)
  JWT_MAX_LIFETIME_SECONDS = 43_200;

  /** Clocks disagree: `exp`, `nbf` and `iat` are honoured give or take this much. */
  @Integer(0, 300)
  JWT_CLOCK_SKEW_SECONDS = 30;

  /** Largest JSON body, in bytes (413 above). */
  @Integer(1_000)
  HTTP_BODY_LIMIT_BYTES = 100_000;

  /** Deepest nesting of arrays and objects in a JSON body (400 below). */
  @Integer(2, 1_000)
  HTTP_JSON_MAX_DEPTH = 32;

  /** A client must have sent a request's headers within this time, or gets 408 and is disconnected. */
  @Integer(100)
  HTTP_HEADERS_TIMEOUT_MS = 10_000;

  /** … and the whole request, body included, within this time. */
  @Integer(100)
  HTTP_REQUEST_TIMEOUT_MS = 30_000;

  /** An idle keep-alive connection is closed after this. */
  @Integer(100)
  HTTP_KEEP_ALIVE_TIMEOUT_MS = 5_000;

  /** The window the rate limits below count in. */
  @Integer(1_000)
  RATE_LIMIT_WINDOW_MS = 60_000;

  /** Requests per window with one bearer token; 0: no limit. */
  @Integer(0)
  RATE_LIMIT_PER_CALLER = 1_200;

  /** Requests per window from one source address (a municipality's officials may share one); 0: no limit. */
  @Integer(0)
  RATE_LIMIT_PER_ADDRESS = 6_000;

  /** Failed authentications (401) per window from one source address before it gets 429; 0: no limit. */
  @Integer(0)
  RATE_LIMIT_FAILED_AUTH = 30;

  /** Which proxies' X-Forwarded-For to believe for the source address: a hop count or addresses (`loopback`, `10.0.0.0/8`); unset: none. */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;
  /**
   * The web app's client id at the identity provider (OpenID Connect, authorization code with PKCE);
   * JWT_ISSUER is the provider. Unset: the app offers only local sign-in (loopback, no JWKS URL).
   */
  @IsOptional()
  @IsString()
  OIDC_CLIENT_ID?: string;

  /** Scopes the web app asks the identity provider for. */
  @IsString()
  OIDC_SCOPE = 'openid profile';

  /** Master key that wraps the data subjects' keys (personal data); unset: a key generated in DATA_DIR, for local use. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'PERSONAL_DATA_KEY must be at least 32 characters' })
  PERSONAL_DATA_KEY?: string;

  /** Who is told what (JSON, see README); unset: the demo directory of the demo tenants. */
  @IsOptional()
  @IsString()
  NOTIFICATION_DIRECTORY_FILE?: string;

  /** The SMTP server for email notifications; unset: email deliveries fail (and park) until it is configured. */
  @IsOptional()
  @IsString()
  SMTP_HOST?: string;

  @Integer(1, 65535)
  SMTP_PORT = 587;

  /** TLS from the first byte (port 465); false: plain, upgraded with STARTTLS when the server offers it. */
  @IsBoolean()
  @Transform(toBoolean)
  SMTP_SECURE = false;

  /** Refuse to send unless the server upgrades with STARTTLS. */
  @IsBoolean()
  @Transform(toBoolean)
  SMTP_REQUIRE_TLS = false;

  @IsOptional()
  @IsString()
  SMTP_USER?: string;

  @IsOptional()
  @IsString()
  SMTP_PASS?: string;

  @IsString()
  MAIL_FROM = 'IOP-ärenden <noreply@localhost>';

  /** Links in notifications and in the iCalendar feed of deadlines point here. */
  @IsUrl({ require_tld: false, protocols: ['https', 'http'] }, { message: 'PUBLIC_BASE_URL must be an http(s) URL' })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /** The iCalendar feed's window: deadlines from this many days back … */
  @Integer(0, 1096)
  FEED_PAST_DAYS = 366;

  /** … to this many days ahead. */
  @Integer(0, 1096)
  FEED_FUTURE_DAYS = 1096;

  /** The most events one feed request carries: the nearest first (upcoming by date, then past ones, newest first). */
  @Integer(1, 50_000)
  FEED_MAX_EVENTS = 5000;

  /** Run the delivery worker (dispatch, send, escalate) in this instance. */
  @IsBoolean()
  @Transform(toBoolean)
  NOTIFY_WORKER = true;

  /** Attempts before a delivery is parked as failed. */
  @Integer(1)
  NOTIFY_MAX_ATTEMPTS = 5;

  /** Wait before the second attempt; doubles with each further one. */
  @Integer(0)
  NOTIFY_BACKOFF_BASE_MS = 30_000;

  /** How long a claimed delivery is a worker's; a crashed worker's claims are taken again after this. */
  @Integer(1000)
  NOTIFY_LEASE_MS = 60_000;

  /** Days an unacknowledged reminder waits at each rung (officer, manager) before it goes to the next. */
  @Matches(/^\s*$|^\d+(\s*,\s*\d+)*$/, { message: 'NOTIFY_ESCALATION_DAYS must be days separated by commas, e.g. "3,3"' })
  NOTIFY_ESCALATION_DAYS = '3,3';

  /** Stockholm hour of the day when timers fall due on their date. */
  @Integer(0, 23)
  TIMER_NOTIFY_HOUR = 8;

  /** Reminder offsets per deadline kind, e.g. `yearly-payment=30,7;report-back=30`; unset kinds keep the defaults. */
  @IsOptional()
  @Matches(/^[a-z-]+=\d+(,\d+)*(;[a-z-]+=\d+(,\d+)*)*$/, { message: 'TIMER_REMINDER_DAYS must look like kind=30,7;kind=14' })
  TIMER_REMINDER_DAYS?: string;

  /** Run the deadline scheduler in this instance (several may run against one database). */
  @IsBoolean()
  @Transform(toBoolean)
  SCHEDULER_ENABLED = true;

  /**
   * Timers fired per transaction. Each append in it is a subtransaction (a savepoint); beyond 64
   * PostgreSQL's per-backend subtransaction cache overflows and slows every other session's snapshots.
   */
  @Integer(1, 64)
  SCHEDULER_BATCH_SIZE = 50;

  /** Batches one scheduler fires at once (each a transaction on its own connection). */
  @Integer(1, 32)
  SCHEDULER_CONCURRENCY = 2;

  /** Longest sleep between looks at the timer table (covers a lost wake-up). */
  @Integer(10)
  SCHEDULER_MAX_SLEEP_MS = 60_000;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

/** Reads and validates the environment once at start; a wrong value stops the service with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  // Every field is declared on the instance (ES2023 class fields), the optional ones too.
  const known = Object.keys(new AppConfig());
  const relevant = Object.fromEntries(Object.entries(env).filter(([key, value]) => known.includes(key) && value !== ''));
  const config = plainToInstance(AppConfig, relevant);
  const errors = validateSync(config, { forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new ConfigError(errors.map((e) => `${e.property}=${JSON.stringify(env[e.property])}: ${Object.values(e.constraints ?? {}).join('; ')}`));
  }
  return config;
}
