import { createTransport } from 'nodemailer';
import type { EAddressGateway } from '../mail/mail.ports';
import type SMTPConnection from 'nodemailer/lib/smtp-connection';

/** A letter as it goes to the mail server; the transport writes it as MIME (RFC 5322). */
export interface OutgoingMail {
  from: { name: string; address: string };
  to: string;
  subject: string;
  text: string;
  date: Date;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  /** Further header fields, e.g. Auto-Submitted on an automatic reply. */
  headers: Record<string, string>;
  attachments: Array<{ filename: string; contentType: string; content: Buffer }>;
}

/** What the mail server said: taken, or refused with its answer (code null: no answer at all). */
export type SendResult =
  | { accepted: true; response: string }
  | { accepted: false; responseCode: number | null; error: string };

/** Hands letters to a mail server; tests point it at their own SMTP sink. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<SendResult>;
  close(): void;
}

/**
 * Sends through the relay at an smtp:// or smtps:// URL (with user and password in it when the
 * relay wants them). Timeouts are shorter than nodemailer's minutes-long defaults so that a
 * silent server costs one attempt, not the sender's lease (decision 42).
 */
export function createMailTransport(relayUrl: string): MailTransport {
  const transport = createTransport({
    url: relayUrl,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async send(mail) {
      try {
        const info = await transport.sendMail({
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          date: mail.date,
          messageId: mail.messageId,
          ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
          ...(mail.references.length > 0 ? { references: mail.references } : {}),
          headers: mail.headers,
          attachments: mail.attachments,
        });
        return { accepted: true, response: info.response };
      } catch (error) {
        const failure = error as SMTPConnection.SMTPError;
        return {
          accepted: false,
          responseCode: typeof failure.responseCode === 'number' ? failure.responseCode : null,
          // The server's own words when it answered; else what went wrong on the way.
          error: failure.response ?? failure.message,
        };
      }
    },
    close() {
      transport.close();
    },
  };
}

/**
 * Hands letters to the state's e-address service through its gateway: the same MIME letter as
 * by email, its recipient the e-address (a personal code or a registration number).
 */
export function createEAddressTransport(gateway: EAddressGateway): MailTransport {
  const composer = createTransport({ streamTransport: true, buffer: true, newline: 'crlf' });
  return {
    async send(mail) {
      try {
        const composed = await composer.sendMail({
          from: mail.from,
          // The e-address is not an email address: it travels beside the letter, not in To.
          envelope: { from: mail.from.address, to: [] },
          subject: mail.subject,
          text: mail.text,
          date: mail.date,
          messageId: mail.messageId,
          ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
          ...(mail.references.length > 0 ? { references: mail.references } : {}),
          headers: { ...mail.headers, 'X-E-Address': mail.to },
          attachments: mail.attachments,
        });
        const raw = composed.message as Buffer;
        const { deliveryId } = await gateway.send({
          to: mail.to,
          subject: mail.subject,
          raw,
          messageId: mail.messageId,
        });
        return { accepted: true, response: `e-address ${deliveryId}` };
      } catch (error) {
        return {
          accepted: false,
          responseCode: null,
          error: error instanceof Error ? error.message : String(error),
        };
      }
    },
    close() {
      composer.close();
    },
  };
}
