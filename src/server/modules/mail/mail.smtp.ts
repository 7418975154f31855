import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { MailService } from './mail.service';

/** Messages up to this many times the import limit are still taken, kept raw and flagged. */
const KEEP_FACTOR = 2;

/** An SMTP answer with its code, as smtp-server sends an error back to the client. */
function smtpError(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

export interface SmtpReceiver {
  /** Listens; resolves with the port (useful when asked for port 0). */
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

/**
 * Apkalpo's own SMTP receiver, for a mail server that forwards the municipality's mail to it.
 * A recipient is taken when an active mailbox on the receiver takes mail for it; the message is
 * answered `250` only after it is committed, once per mailbox it reached. A failure to store
 * answers `451`, so the sending server keeps the message and tries again: nothing is lost.
 * A message past the limit is still kept (raw, flagged for a person) up to twice the limit;
 * beyond that it is refused with `552`, so its sender hears of it.
 */
export function createSmtpReceiver(deps: {
  mail: Pick<MailService, 'ingest' | 'smtpMailboxFor'>;
  maxMessageBytes: number;
  now?: () => Date;
  logger?: { warn(fields: object, message: string): void };
}): SmtpReceiver {
  const { mail, maxMessageBytes, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const mailboxesOf = new Map<string, Set<string>>();

  const server = new SMTPServer({
    name: 'apkalpo',
    banner: 'Apkalpo',
    // The forwarding mail server is on the municipality's network: no sign-in, no TLS here.
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    size: maxMessageBytes * KEEP_FACTOR,
    logger: false,
    onRcptTo(address, session, callback) {
      mail.smtpMailboxFor(address.address).then(
        (mailbox) => {
          if (!mailbox) {
            callback(smtpError(550, `No mailbox here takes mail for ${address.address}`));
            return;
          }
          const ids = mailboxesOf.get(session.id) ?? new Set<string>();
          ids.add(mailbox.id);
          mailboxesOf.set(session.id, ids);
          callback();
        },
        (error: unknown) => {
          logger?.warn({ err: error }, 'SMTP receiver could not look up a mailbox');
          callback(smtpError(451, 'Temporary failure, try again later'));
        },
      );
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        if (!stream.sizeExceeded) chunks.push(chunk);
      });
      stream.on('error', (error: Error) => callback(error));
      stream.on('end', () => {
        const ids = [...(mailboxesOf.get(session.id) ?? [])];
        mailboxesOf.delete(session.id);
        if (stream.sizeExceeded) {
          callback(smtpError(552, 'Message too large'));
          return;
        }
        const raw = Buffer.concat(chunks);
        const mailFrom = session.envelope.mailFrom;
        const envelopeFrom = mailFrom === false ? '' : mailFrom.address;
        const envelopeTo = session.envelope.rcptTo.map((rcpt) => rcpt.address);
        const receivedAt = now();
        // One after another: a message to two mailboxes is stored in each before 250.
        ids
          .reduce<Promise<string[]>>(
            async (done, mailboxId) => [
              ...(await done),
              (
                await mail.ingest({
                  mailboxId,
                  channel: 'email',
                  source: 'smtp',
                  sourceKey: null,
                  raw,
                  envelopeFrom,
                  envelopeTo,
                  smtpClient: {
                    ip: session.remoteAddress || null,
                    helo: session.hostNameAppearsAs || null,
                  },
                  receivedAt,
                })
              ).inboundId,
            ],
            Promise.resolve([]),
          )
          .then(
            (stored) => callback(null, `Stored as ${stored.join(', ')}`),
            (error: unknown) => {
              logger?.warn({ err: error }, 'SMTP receiver could not store a message');
              callback(smtpError(451, 'Temporary failure, try again later'));
            },
          );
      });
    },
    onClose(session) {
      mailboxesOf.delete(session.id);
    },
  });

  return {
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      });
    },
    close() {
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
