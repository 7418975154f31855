import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message the sink took: the envelope, the raw MIME, and the message as mailparser reads it. */
export interface SunkMessage {
  envelopeFrom: string | null;
  envelopeTo: string[];
  raw: Buffer;
  parsed: ParsedMail;
}

export interface SmtpSink {
  /** The relay URL to give Apkalpo. */
  url: string;
  /** Everything taken so far, in order. */
  messages: SunkMessage[];
  /** Refuses the next `count` messages after their data, with this code (e.g. 451 or 550). */
  refuseNext(count: number, code: number, text?: string): void;
  close(): Promise<void>;
}

/**
 * A real SMTP server on an ephemeral local port that keeps what it is sent, for the outbox's
 * tests: the letter goes over the wire as it would to a relay, and the test reads it back. The
 * browser tests give a port: their server was told its relay before the test that reads it ran.
 */
export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const messages: SunkMessage[] = [];
  let refusals: { count: number; code: number; text: string } = { count: 0, code: 0, text: '' };

  const server = new SMTPServer({
    // Plain SMTP without sign-in, as a relay on the local network takes it.
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        if (refusals.count > 0) {
          refusals = { ...refusals, count: refusals.count - 1 };
          callback(Object.assign(new Error(refusals.text), { responseCode: refusals.code }));
          return;
        }
        const raw = Buffer.concat(chunks);
        const { mailFrom, rcptTo } = session.envelope;
        simpleParser(raw).then(
          (parsed) => {
            messages.push({
              envelopeFrom: mailFrom ? mailFrom.address : null,
              envelopeTo: rcptTo.map((recipient) => recipient.address),
              raw,
              parsed,
            });
            callback();
          },
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const listening = (server.server.address() as AddressInfo).port;

  return {
    url: `smtp://127.0.0.1:${listening}`,
    messages,
    refuseNext(count, code, text = code >= 500 ? 'Mailbox unavailable' : 'Try again later') {
      refusals = { count, code, text };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
