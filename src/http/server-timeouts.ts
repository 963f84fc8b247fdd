import type { Server } from 'node:http';
import type { AppConfig } from '../config/app-config';

/**
 * Timeouts that free sockets a client holds without finishing: headers not complete within
 * HTTP_HEADERS_TIMEOUT_MS, a whole request (body too) not received within HTTP_REQUEST_TIMEOUT_MS
 * (both answered 408 and closed), an idle keep-alive connection after HTTP_KEEP_ALIVE_TIMEOUT_MS.
 * Node checks the first two every `connectionsCheckingInterval` (30 s by default), so the check
 * runs at a fraction of the headers timeout. Set before listening, which is when the check starts.
 */
export function setServerTimeouts(server: Server, config: AppConfig): void {
  server.headersTimeout = config.HTTP_HEADERS_TIMEOUT_MS;
  server.requestTimeout = config.HTTP_REQUEST_TIMEOUT_MS;
  server.keepAliveTimeout = config.HTTP_KEEP_ALIVE_TIMEOUT_MS;
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = Math.max(100, Math.min(config.HTTP_HEADERS_TIMEOUT_MS / 4, 5_000));
}
