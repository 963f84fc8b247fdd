import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { Webhook } from 'standardwebhooks';

export const webhookSecret = (): string => `whsec_${randomBytes(24).toString('base64')}`;

export interface ReceivedWebhook {
  readonly id: string;
  readonly path: string;
  readonly payload: { type: string; data: Record<string, unknown> };
  readonly accepted: boolean;
}

/**
 * A webhook subscriber as one would write it: verifies each request with `standardwebhooks`
 * (refusing a bad signature with 401), answers as `answer` says (e.g. 500 for the first tries),
 * and counts by webhook-id, which is how it deduplicates redeliveries.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  readonly rejectedSignatures: string[] = [];
  private server?: Server;

  constructor(
    private readonly secret: string,
    private readonly answer: (id: string, attempt: number, path: string) => number | Promise<number> = () => 204,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** Distinct webhook-ids the subscriber accepted (answered 2xx): what it acts on. */
  acceptedIds(path?: string): Set<string> {
    return new Set(this.received.filter((r) => r.accepted && (!path || r.path === path)).map((r) => r.id));
  }

  attemptsOf(id: string): number {
    return this.received.filter((r) => r.id === id).length;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', async () => {
        const body = Buffer.concat(chunks).toString('utf8');
        let payload: ReceivedWebhook['payload'];
        try {
          payload = new Webhook(this.secret).verify(body, request.headers as Record<string, string>) as ReceivedWebhook['payload'];
        } catch (error) {
          this.rejectedSignatures.push((error as Error).message);
          response.writeHead(401).end();
          return;
        }
        const id = request.headers['webhook-id'] as string;
        const path = request.url ?? '/';
        const status = await this.answer(id, this.attemptsOf(id) + 1, path);
        this.received.push({ id, path, payload, accepted: status >= 200 && status < 300 });
        if (!response.destroyed) response.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

/** A real SMTP server (no TLS, no auth) that keeps every message it is handed, parsed. */
export class SmtpReceiver {
  readonly messages: ParsedMail[] = [];
  private readonly server = new SMTPServer({
    authOptional: true,
    hideSTARTTLS: true,
    disableReverseLookup: true,
    logger: false,
    onData: (stream, _session, callback) => {
      simpleParser(stream).then(
        (mail) => {
          this.messages.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });

  port = 0;

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  to(address: string): ParsedMail[] {
    return this.messages.filter((m) => JSON.stringify(m.to).includes(address));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
