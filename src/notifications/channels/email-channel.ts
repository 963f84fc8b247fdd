import { createTransport, type Transporter } from 'nodemailer';
import type { AppConfig } from '../../config/app-config';
import { CONTACT_PERSON } from '../notification-dispatcher';
import { notificationText } from '../notification-text';
import type { OrganisationContactLookup } from '../organisation-contact.port';
import type { ClaimedDelivery, NotificationChannel } from './channel';

/** Email over SMTP (nodemailer): host, port, TLS, credentials and sender from the configuration. */
export class EmailChannel implements NotificationChannel {
  private readonly transport?: Transporter;

  constructor(
    private readonly config: AppConfig,
    private readonly contacts: OrganisationContactLookup,
  ) {
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
      to: await this.recipientAddress(delivery),
      subject: text.subject,
      text: text.body,
      // Lets a mail system drop a resent copy of the same notification.
      messageId: `<${delivery.id}@iop-engine>`,
    });
  }

  /** The contact person's address is personal data: read from the case now (gone once erased), never stored. */
  private async recipientAddress(delivery: ClaimedDelivery): Promise<string> {
    if (delivery.address !== CONTACT_PERSON) return delivery.address;
    const email = await this.contacts.email(delivery.tenant, delivery.intent.caseId);
    if (!email) throw new Error('Kontaktpersonens uppgifter är raderade');
    return email;
  }

  close(): void {
    this.transport?.close();
  }
}
