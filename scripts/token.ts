/**
 * Mints a bearer token for local use, signed with the service's HS256 key (JWT_SECRET, or the key
 * the service generated in DATA_DIR):
 *
 *   npm run token -- --role handlaggare --tenant osteraker --name "Frida Larsson"
 *   npm run token -- --role organisation --org 822004-0417 --tenant linkoping --name "Eva Ek"
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { hs256Key, mintToken } from '../src/auth/signing-key';
import { loadConfig } from '../src/config/app-config';
import { ROLES, type Role } from '../src/lifecycle';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      tenant: { type: 'string' },
      name: { type: 'string' },
      sub: { type: 'string' },
      org: { type: 'string' },
      hours: { type: 'string', default: '12' },
    },
  });
  const roles = values.role ?? [];
  const config = loadConfig(process.env);
  const hours = Number(values.hours);
  const problems = [
    roles.length > 0 && roles.every((r) => ROLES.includes(r as Role)) ? null : `--role (one or more of ${ROLES.join(', ')})`,
    values.tenant ? null : '--tenant (the municipality, e.g. osteraker; a new one is set up by its admin through /reference-data)',
    hours > 0 && hours * 3600 <= config.JWT_MAX_LIFETIME_SECONDS
      ? null
      : `--hours (at most ${config.JWT_MAX_LIFETIME_SECONDS / 3600}, JWT_MAX_LIFETIME_SECONDS)`,
    values.name ? null : '--name "Förnamn Efternamn"',
    roles.includes('organisation') && !values.org ? '--org (the organisation number, for the organisation role)' : null,
  ].filter((p): p is string => p !== null);
  if (problems.length > 0) {
    console.error(`Missing or wrong: ${problems.join('; ')}`);
    process.exit(2);
  }
  const claims = {
    sub: values.sub ?? `user-${randomUUID().slice(0, 8)}`,
    name: values.name!,
    roles,
    tenant: values.tenant!,
    ...(values.org && { org: values.org }),
  };
  const options = { hours, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE };
  console.log(await mintToken(claims, hs256Key(config.JWT_SECRET, config.DATA_DIR), options));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
