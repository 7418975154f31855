import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

// A SIP exchange for tests: Kamailio from Debian's package running docs/telephony/kamailio.cfg,
// and just enough of a SIP user agent over UDP to be the trunk that calls and the office phones
// that ring, answer, refuse and hang up. The messages follow RFC 3261 closely enough for
// Kamailio's transaction layer: Via branches, tags, CSeq, Record-Route and the route set.

const KAMAILIO = '/usr/sbin/kamailio';
const CONFIG = resolve(import.meta.dirname, '../../../docs/telephony/kamailio.cfg');
const HOST = '127.0.0.1';

const token = () => randomBytes(6).toString('hex');
const branch = () => `z9hG4bK${token()}`;

// ── Messages ──

export interface SipMessage {
  /** The request's method; absent in a response. */
  method?: string;
  uri?: string;
  status?: number;
  reason?: string;
  /** In the order they came, names in lower case and compact forms written out. */
  headers: [string, string][];
  body: string;
}

const COMPACT: Record<string, string> = {
  v: 'via',
  f: 'from',
  t: 'to',
  i: 'call-id',
  m: 'contact',
  l: 'content-length',
  c: 'content-type',
};

export function parseSip(text: string): SipMessage {
  const [head = '', body = ''] = text.split('\r\n\r\n', 2);
  const [first = '', ...lines] = head.split('\r\n');
  const headers: [string, string][] = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    headers.push([COMPACT[name] ?? name, line.slice(colon + 1).trim()]);
  }
  const response = /^SIP\/2\.0 (\d{3}) ?(.*)$/.exec(first);
  if (response) return { status: Number(response[1]), reason: response[2], headers, body };
  const [method, uri] = first.split(' ');
  return { method, uri, headers, body };
}

export function formatSip(message: SipMessage): string {
  const first = message.method
    ? `${message.method} ${message.uri} SIP/2.0`
    : `SIP/2.0 ${message.status} ${message.reason}`;
  const headers = message.headers.filter(([name]) => name !== 'content-length');
  const lines = headers.map(([name, value]) => `${name}: ${value}`);
  lines.push(`content-length: ${Buffer.byteLength(message.body)}`);
  return `${first}\r\n${lines.join('\r\n')}\r\n\r\n${message.body}`;
}

export const headerOf = (message: SipMessage, name: string) =>
  message.headers.find(([n]) => n === name)?.[1];
const headersOf = (message: SipMessage, name: string) =>
  message.headers.filter(([n]) => n === name).map(([, value]) => value);
/** The URI of a name-addr such as `"Anna" <sip:101@host>;tag=1`. */
const uriOf = (value: string) => /<([^>]+)>/.exec(value)?.[1] ?? value.split(';')[0] ?? value;
const withTag = (value: string, tag: string) =>
  value.includes(';tag=') ? value : `${value};tag=${tag}`;
const branchOf = (message: SipMessage) =>
  /;branch=([^;]+)/.exec(headerOf(message, 'via') ?? '')?.[1];

/** A response to a request: its Vias, From, To (with our tag), Call-ID and CSeq. */
function responseTo(
  request: SipMessage,
  status: number,
  reason: string,
  extra: { toTag?: string; contact?: string; body?: string } = {},
): SipMessage {
  const pick = (name: string) => request.headers.filter(([n]) => n === name);
  const to = headerOf(request, 'to') ?? '';
  return {
    status,
    reason,
    headers: [
      ...pick('via'),
      ...(status >= 180 ? pick('record-route') : []),
      ['from', headerOf(request, 'from') ?? ''],
      ['to', extra.toTag && status > 100 ? withTag(to, extra.toTag) : to],
      ['call-id', headerOf(request, 'call-id') ?? ''],
      ['cseq', headerOf(request, 'cseq') ?? ''],
      ...(extra.contact ? [['contact', `<${extra.contact}>`] as [string, string]] : []),
      ...(extra.body ? [['content-type', 'application/sdp'] as [string, string]] : []),
    ],
    body: extra.body ?? '',
  };
}

const sdp = (port: number) =>
  [
    'v=0',
    `o=- ${port} 1 IN IP4 ${HOST}`,
    's=-',
    `c=IN IP4 ${HOST}`,
    't=0 0',
    `m=audio ${port + 1} RTP/AVP 8`,
    'a=rtpmap:8 PCMA/8000',
    '',
  ].join('\r\n');

// ── A UDP endpoint ──

class Endpoint {
  readonly socket: Socket;
  port = 0;
  private waiters: { match: (m: SipMessage) => boolean; resolve: (m: SipMessage) => void }[] = [];

  constructor(private readonly proxyPort: number) {
    this.socket = createSocket('udp4');
    this.socket.on('message', (data, from) => this.receive(parseSip(data.toString()), from));
  }

  async bind(): Promise<void> {
    await new Promise<void>((done) => this.socket.bind(0, HOST, done));
    this.port = this.socket.address().port;
  }

  /** Everything goes through the proxy: a loose route set names it anyway. */
  send(message: SipMessage, port = this.proxyPort): void {
    this.socket.send(formatSip(message), port, HOST);
  }

  via(branchId = branch()): [string, string] {
    return ['via', `SIP/2.0/UDP ${HOST}:${this.port};branch=${branchId};rport`];
  }

  /** The next message that matches, whether it has come already or not. */
  next(match: (m: SipMessage) => boolean, timeoutMs = 15_000): Promise<SipMessage> {
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error('no such SIP message arrived')), timeoutMs);
      this.waiters.push({
        match,
        resolve: (message) => {
          clearTimeout(timer);
          resolvePromise(message);
        },
      });
    });
  }

  protected receive(message: SipMessage, _from: RemoteInfo): void {
    const index = this.waiters.findIndex((waiter) => waiter.match(message));
    const [waiter] = index >= 0 ? this.waiters.splice(index, 1) : [];
    waiter?.resolve(message);
  }

  close(): Promise<void> {
    return new Promise((done) => this.socket.close(() => done()));
  }
}

// ── An office phone ──

/** Rings on all phones, counted: which of them a call rang first. */
let rings = 0;

/** What a phone does when it rings: picks up, is busy, or rings until the caller gives up. */
export type PhoneBehaviour = 'answer' | 'busy' | 'ring';

export class Phone extends Endpoint {
  /** The calls that rang here: Call-ID and the ring's place among every phone's rings. */
  readonly rang: { callId: string; ring: number }[] = [];
  /** Asked each time the phone rings. */
  behaviour: () => PhoneBehaviour = () => 'answer';
  private readonly tag = token();
  private readonly invites = new Map<string, SipMessage>();

  constructor(
    readonly extension: string,
    proxyPort: number,
  ) {
    super(proxyPort);
  }

  get contact() {
    return `sip:${this.extension}@${HOST}:${this.port}`;
  }

  /** Registers the phone's address at the proxy, as a desk phone does when it starts. */
  async register(): Promise<void> {
    const aor = `<sip:${this.extension}@${HOST}>`;
    const request: SipMessage = {
      method: 'REGISTER',
      uri: `sip:${HOST}`,
      headers: [
        this.via(),
        ['max-forwards', '70'],
        ['from', `${aor};tag=${token()}`],
        ['to', aor],
        ['call-id', token()],
        ['cseq', '1 REGISTER'],
        ['contact', `<${this.contact}>`],
        ['expires', '3600'],
      ],
      body: '',
    };
    const answer = this.next((m) => headerOf(m, 'cseq') === '1 REGISTER');
    this.send(request);
    const reply = await answer;
    if (reply.status !== 200) throw new Error(`REGISTER of ${this.extension}: ${reply.status}`);
  }

  protected override receive(message: SipMessage, from: RemoteInfo): void {
    const reply = (response: SipMessage) => this.send(response, from.port);
    const callId = headerOf(message, 'call-id') ?? '';
    if (message.method === 'INVITE') {
      // Kamailio repeats an INVITE until it hears a provisional answer: ring once per branch.
      const key = `${callId} ${branchOf(message)}`;
      if (this.invites.has(key)) return;
      this.invites.set(key, message);
      this.rang.push({ callId, ring: (rings += 1) });
      reply(responseTo(message, 100, 'Trying'));
      const behaviour = this.behaviour();
      if (behaviour === 'busy') {
        reply(responseTo(message, 486, 'Busy Here', { toTag: this.tag }));
        return;
      }
      reply(responseTo(message, 180, 'Ringing', { toTag: this.tag, contact: this.contact }));
      if (behaviour === 'answer') {
        reply(
          responseTo(message, 200, 'OK', {
            toTag: this.tag,
            contact: this.contact,
            body: sdp(this.port),
          }),
        );
      }
    } else if (message.method === 'CANCEL') {
      reply(responseTo(message, 200, 'OK'));
      const invite = [...this.invites.entries()].find(
        ([key]) => key === `${callId} ${branchOf(message)}`,
      )?.[1];
      if (invite) reply(responseTo(invite, 487, 'Request Terminated', { toTag: this.tag }));
    } else if (message.method === 'BYE') {
      reply(responseTo(message, 200, 'OK'));
    }
    super.receive(message, from);
  }
}

// ── The trunk: the caller's side ──

export class Trunk extends Endpoint {
  /** Calls `number` from `caller`; the answer is the call, ringing. */
  dial(number: string, caller: string, callId = `${token()}@apkalpo.test`): TrunkCall {
    const call = new TrunkCall(this, number, caller, callId);
    call.start();
    return call;
  }
}

export class TrunkCall {
  private readonly invite: SipMessage;
  private readonly branch = branch();
  private final: Promise<SipMessage>;
  private answer: SipMessage | null = null;

  constructor(
    private readonly trunk: Trunk,
    number: string,
    caller: string,
    readonly callId: string,
  ) {
    this.invite = {
      method: 'INVITE',
      uri: `sip:${number}@${HOST}`,
      headers: [
        trunk.via(this.branch),
        ['max-forwards', '70'],
        ['from', `<sip:${caller}@${HOST}>;tag=${token()}`],
        ['to', `<sip:${number}@${HOST}>`],
        ['call-id', this.callId],
        ['cseq', '1 INVITE'],
        ['contact', `<sip:${caller}@${HOST}:${trunk.port}>`],
        ['content-type', 'application/sdp'],
      ],
      body: sdp(trunk.port),
    };
    this.final = trunk.next(
      (m) =>
        headerOf(m, 'call-id') === this.callId &&
        headerOf(m, 'cseq') === '1 INVITE' &&
        (m.status ?? 0) >= 200,
    );
  }

  start(): void {
    this.trunk.send(this.invite);
  }

  /** The final answer to the INVITE, acknowledged: 200 when someone picked up. */
  async outcome(): Promise<number> {
    const final = await this.final;
    const status = final.status ?? 0;
    if (status < 300) {
      this.answer = final;
      this.trunk.send(this.inDialog('ACK', 1));
    } else {
      // A failure is acknowledged hop by hop, in the INVITE's transaction.
      this.trunk.send({
        method: 'ACK',
        uri: this.invite.uri,
        headers: [
          this.trunk.via(this.branch),
          ['max-forwards', '70'],
          ['from', headerOf(this.invite, 'from') ?? ''],
          ['to', headerOf(final, 'to') ?? ''],
          ['call-id', this.callId],
          ['cseq', '1 ACK'],
        ],
        body: '',
      });
    }
    return status;
  }

  /** The caller hangs up an answered call; resolves when the BYE was answered. */
  async hangUp(): Promise<number> {
    const done = this.trunk.next(
      (m) => headerOf(m, 'call-id') === this.callId && headerOf(m, 'cseq') === '2 BYE',
    );
    this.trunk.send(this.inDialog('BYE', 2));
    return (await done).status ?? 0;
  }

  /** The caller gives up while it rings; resolves with the INVITE's final answer (487). */
  async cancel(): Promise<number> {
    this.trunk.send({
      method: 'CANCEL',
      uri: this.invite.uri,
      headers: [
        this.trunk.via(this.branch),
        ['max-forwards', '70'],
        ['from', headerOf(this.invite, 'from') ?? ''],
        ['to', headerOf(this.invite, 'to') ?? ''],
        ['call-id', this.callId],
        ['cseq', '1 CANCEL'],
      ],
      body: '',
    });
    return this.outcome();
  }

  /** A request in the dialog the 200 OK made: to the callee's contact along the route set. */
  private inDialog(method: string, cseq: number): SipMessage {
    const answer = this.answer;
    if (!answer) throw new Error('the call was not answered');
    const routes = headersOf(answer, 'record-route')
      .flatMap((value) => value.split(','))
      .map((value) => value.trim())
      .reverse();
    return {
      method,
      uri: uriOf(headerOf(answer, 'contact') ?? ''),
      headers: [
        this.trunk.via(),
        ['max-forwards', '70'],
        ...routes.map((route): [string, string] => ['route', route]),
        ['from', headerOf(this.invite, 'from') ?? ''],
        ['to', headerOf(answer, 'to') ?? ''],
        ['call-id', this.callId],
        ['cseq', `${cseq} ${method}`],
      ],
      body: '',
    };
  }
}

// ── Kamailio ──

export interface SipExchange {
  port: number;
  phone(extension: string): Promise<Phone>;
  trunk(): Promise<Trunk>;
  /** What Kamailio wrote, for a failing test's message. */
  log(): string;
  stop(): Promise<void>;
}

async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((done) => socket.bind(0, HOST, done));
  const { port } = socket.address();
  await new Promise<void>((done) => socket.close(() => done()));
  return port;
}

/**
 * Kamailio on a free port with docs/telephony/kamailio.cfg, telling the Apkalpo at `url` of the
 * calls with the exchange token; resolves once it answers SIP.
 */
export async function startKamailio(options: {
  url: string;
  token: string;
  ringMs?: number;
}): Promise<SipExchange> {
  if (!existsSync(KAMAILIO)) {
    throw new Error(
      'Kamailio is not installed: apt-get install -y kamailio kamailio-utils-modules kamailio-json-modules',
    );
  }
  const port = await freeUdpPort();
  let output = '';
  const child: ChildProcess = spawn(
    KAMAILIO,
    [
      '-DD',
      '-E',
      '-m',
      '64',
      '-M',
      '8',
      '-f',
      CONFIG,
      '-A',
      `APKALPO_URL="${options.url}"`,
      '-A',
      `APKALPO_TOKEN="${options.token}"`,
      '-A',
      `SIP_LISTEN=udp:${HOST}:${port}`,
      '-A',
      `RING_MS=${options.ringMs ?? 5000}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (data: Buffer) => (output += data.toString()));
  child.stderr?.on('data', (data: Buffer) => (output += data.toString()));
  const endpoints: Endpoint[] = [];

  // An OPTIONS is refused (405), which shows that Kamailio reads and answers SIP.
  const probe = new Endpoint(port);
  await probe.bind();
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      await probe.close();
      throw new Error(`Kamailio stopped at once:\n${output}`);
    }
    const callId = token();
    const answered = probe.next((m) => headerOf(m, 'call-id') === callId, 500);
    probe.send({
      method: 'OPTIONS',
      uri: `sip:${HOST}`,
      headers: [
        probe.via(),
        ['max-forwards', '70'],
        ['from', `<sip:probe@${HOST}>;tag=${token()}`],
        ['to', `<sip:${HOST}>`],
        ['call-id', callId],
        ['cseq', '1 OPTIONS'],
      ],
      body: '',
    });
    if (await answered.then(() => true).catch(() => false)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      await probe.close();
      throw new Error(`Kamailio did not answer within 30 s:\n${output}`);
    }
  }
  await probe.close();

  return {
    port,
    async phone(extension) {
      const phone = new Phone(extension, port);
      await phone.bind();
      endpoints.push(phone);
      await phone.register();
      return phone;
    },
    async trunk() {
      const trunk = new Trunk(port);
      await trunk.bind();
      endpoints.push(trunk);
      return trunk;
    },
    log: () => output,
    async stop() {
      await Promise.all(endpoints.map((endpoint) => endpoint.close()));
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
