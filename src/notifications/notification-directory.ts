import { readFileSync } from 'node:fs';
import type { RecipientRole } from './notification-outbox.port';

export const RECIPIENT_ROLES: readonly RecipientRole[] = ['officer', 'manager', 'boardSecretary', 'organisationContact'];

export interface WebhookSubscription {
  readonly url: string;
  /** The Standard Webhooks secret, `whsec_` + base64. */
  readonly secret: string;
}

/** Where one role of one tenant is told. */
export interface RoleAddresses {
  readonly email?: readonly string[];
  readonly webhooks?: readonly WebhookSubscription[];
}

export interface TenantDirectory {
  /** Case officers by id (the id the case records when an officer is assigned) → email. */
  readonly officers?: Readonly<Record<string, string>>;
  readonly roles?: Partial<Record<RecipientRole, RoleAddresses>>;
}

/** Per tenant: who is told, at which addresses. The file format NOTIFICATION_DIRECTORY_FILE holds. */
export interface DirectoryData {
  readonly tenants: Readonly<Record<string, TenantDirectory>>;
}

/** Resolves a role of a tenant to email addresses and webhook subscriptions. */
export class NotificationDirectory {
  constructor(private readonly data: DirectoryData) {}

  /** Reads and checks a directory file; a malformed file stops the service at start with a message. */
  static fromFile(path: string): NotificationDirectory {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`NOTIFICATION_DIRECTORY_FILE ${path} cannot be read as JSON: ${(error as Error).message}`, { cause: error });
    }
    const problems = problemsOf(data);
    if (problems.length > 0) throw new Error(`NOTIFICATION_DIRECTORY_FILE ${path} is not a directory: ${problems.join('; ')}`);
    return new NotificationDirectory(data as DirectoryData);
  }

  /** Email addresses of a role; the officer's is looked up by the case's officer id first. */
  emails(tenant: string, role: RecipientRole, officerId?: string): string[] {
    const entry = this.data.tenants[tenant];
    const officer = role === 'officer' && officerId ? entry?.officers?.[officerId] : undefined;
    return officer ? [officer] : [...(entry?.roles?.[role]?.email ?? [])];
  }

  webhooks(tenant: string, role: RecipientRole): WebhookSubscription[] {
    return [...(this.data.tenants[tenant]?.roles?.[role]?.webhooks ?? [])];
  }

  /** The subscription a delivery was made for; its secret stays in the directory, not the database. */
  subscription(tenant: string, role: RecipientRole, url: string): WebhookSubscription | undefined {
    return this.webhooks(tenant, role).find((s) => s.url === url);
  }
}

function problemsOf(data: unknown): string[] {
  const tenants = (data as DirectoryData | null)?.tenants;
  if (typeof tenants !== 'object' || tenants === null) return ['it needs an object "tenants"'];
  const problems: string[] = [];
  for (const [tenant, entry] of Object.entries(tenants)) {
    for (const [role, addresses] of Object.entries(entry.roles ?? {})) {
      if (!RECIPIENT_ROLES.includes(role as RecipientRole)) problems.push(`${tenant}: unknown role "${role}" (one of ${RECIPIENT_ROLES.join(', ')})`);
      for (const hook of addresses?.webhooks ?? []) {
        if (!/^https?:\/\//.test(hook.url ?? '')) problems.push(`${tenant}.${role}: webhook url "${hook.url}" is not http(s)`);
        if (!/^whsec_[A-Za-z0-9+/=]+$/.test(hook.secret ?? '')) problems.push(`${tenant}.${role}: webhook secret must be "whsec_" + base64`);
      }
    }
  }
  return problems;
}
