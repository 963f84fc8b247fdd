import { createTransport, type Transporter } from 'nodemailer';
import type { AppConfig } from '../../config/app-config';
import { notificationText } from '../notification-text';
import type { ClaimedDelivery, NotificationChannel } from './channel';

/** Email over SMTP (nodemailer): host, port, TLS, credentials and sender from the configuration. */
export class EmailChannel implements NotificationChannel {
  private readonly transport?: Transporter;

  constructor(private readonly config: AppConfig) {
    if (config.SMTP_HOST) {
      // Pooled: a worker sends a batch in parallel, and a handful of connections serve it.
      this.transport = createTransport({
        pool: true,
        maxConnections: 5,
        host: config.SMTP_HOST,
        port: config.SMTP_PORT,
        secure: config.SMTP_SECURE,
        requireTLS: config.SMTP_REQUIRE_TLS,
        auth: config.SMTP_USER ? { user: config.SMTP_USER, pass: config.SMTP_PASS ?? '' } : undefined,
        connectionTimeout: 10_000,
        socketTimeout: 20_000,
      });
    }
  }

  async send(delivery: ClaimedDelivery): Promise<void> {
    // Failing (and so parking) rather than dropping keeps the message until SMTP is configured and it is retried.
    if (!this.transport) throw new Error('SMTP_HOST is not configured');
    const text = notificationText(delivery.intent, delivery, this.config.PUBLIC_BASE_URL);
    await this.transport.sendMail({
      from: this.config.MAIL_FROM,
      to: delivery.address,
      subject: text.subject,
      text: text.body,
      // Lets a mail system drop a resent copy of the same notification.
      messageId: `<${delivery.id}@iop-engine>`,
    });
  }

  close(): void {
    this.transport?.close();
  }
}
