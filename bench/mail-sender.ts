import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { letters } from './mail-letters';

// The sending mail server of `npm run bench -- mail`, in a process of its own as a real one is:
// its CPU is not counted as the receiver's, and its event loop does not delay the receiver's.
// Started by mail.bench.ts with the port, the count of letters, the count of connections and the
// address; it makes the same letters as the parent (the generator has a fixed seed), sends them
// and reports the times to the parent over the IPC channel.

export interface SenderReport {
  /** Milliseconds from the DATA command to the 250, one a letter. */
  data: number[];
  /** Milliseconds from MAIL FROM to the 250. */
  whole: number[];
  /** From the first MAIL FROM to the last 250. */
  seconds: number;
  /** CPU milliseconds of this process while sending. */
  cpuMs: number;
}

/** One SMTP connection of the sending mail server, kept open for every message it sends. */
async function smtpClient(port: number, to: string) {
  let dataAt = 0;
  const connection = new SMTPConnection({
    host: '127.0.0.1',
    port,
    ignoreTLS: true,
    // The commands are logged as they are written: the moment DATA goes out is the start.
    transactionLog: true,
    logger: {
      debug(entry: { tnx?: string }, message: string) {
        if (entry.tnx === 'client' && message === 'DATA') dataAt = performance.now();
      },
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
      trace: () => undefined,
      fatal: () => undefined,
    },
  });
  await new Promise<void>((resolve, reject) => {
    connection.once('error', reject);
    connection.connect(() => {
      connection.off('error', reject);
      resolve();
    });
  });
  return {
    send(from: string, raw: Buffer): Promise<{ data: number; whole: number }> {
      const started = performance.now();
      return new Promise((resolve, reject) => {
        connection.send({ from, to: [to] }, raw, (error) => {
          const done = performance.now();
          if (error) reject(error);
          else resolve({ data: done - dataAt, whole: done - started });
        });
      });
    },
    quit: () => connection.quit(),
  };
}

async function send(port: number, count: number, connections: number, to: string) {
  const set = letters(count, to, 'smtp');
  const clients = await Promise.all(
    Array.from({ length: connections }, () => smtpClient(port, to)),
  );
  const data: number[] = [];
  const whole: number[] = [];
  // One queue for every connection: a letter starts only after all but connections - 1 of those
  // before it are committed, so a reply (1 000 letters after the one it answers) finds its request.
  let nextLetter = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      while (nextLetter < set.letters.length) {
        const letter = set.letters[nextLetter] as (typeof set.letters)[0];
        nextLetter += 1;
        const times = await client.send(letter.from, letter.raw);
        data.push(times.data);
        whole.push(times.whole);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  for (const client of clients) client.quit();
  const report: SenderReport = { data, whole, seconds, cpuMs: (used.user + used.system) / 1000 };
  return report;
}

const [port, count, connections, to] = process.argv.slice(2);
send(Number(port), Number(count), Number(connections), String(to)).then(
  (report) => process.send?.(report, () => process.exit(0)),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
