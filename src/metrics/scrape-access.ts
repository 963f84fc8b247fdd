import { createHash, timingSafeEqual } from 'node:crypto';
import { AccessDenied } from '../auth/access-denied';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 (how a dual-stack socket reports 127.0.0.1). */
export const isLoopback = (address: string | undefined): boolean => address !== undefined && /^(127\.|::1$|::ffff:127\.)/.test(address);

/**
 * Who may scrape /metrics: with a metrics token configured, whoever sends it as a bearer token,
 * from anywhere; without one, this machine only. Throws UNAUTHENTICATED otherwise.
 */
export function admitScraper(request: { remoteAddress: string | undefined; authorization: string | undefined }, metricsToken: string | undefined): void {
  if (metricsToken === undefined) {
    if (isLoopback(request.remoteAddress)) return;
    throw new AccessDenied('UNAUTHENTICATED', 'Metrics are served to this machine only; set METRICS_TOKEN to let a scraper elsewhere in.');
  }
  const [scheme, token] = (request.authorization ?? '').split(' ');
  // Compared as digests: equal lengths for timingSafeEqual, and no hint of the token's length.
  if (scheme?.toLowerCase() !== 'bearer' || !token || !timingSafeEqual(digest(token), digest(metricsToken))) {
    throw new AccessDenied('UNAUTHENTICATED', 'Send the metrics token: Authorization: Bearer <METRICS_TOKEN>.');
  }
}
