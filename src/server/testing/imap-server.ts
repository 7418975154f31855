import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const DOVECOT = '/usr/sbin/dovecot';

export interface TestImapServer {
  host: string;
  port: number;
  user: string;
  password: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('* OK'));
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * A real IMAP server for the tests: Debian's Dovecot (package dovecot-imapd) on a free port with
 * a configuration of its own in a temporary folder, one account, plain-text sign-in, no TLS.
 * Run as root, Dovecot's own users serve the sign-in and the mail, as Dovecot insists.
 */
export async function startImapServer(): Promise<TestImapServer> {
  if (!existsSync(DOVECOT)) {
    throw new Error('Dovecot is not installed: apt-get install -y dovecot-imapd');
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'apkalpo-imap-'));
  const port = await freePort();
  const user = 'pasts';
  const password = `slepens-${port}`;
  const root = process.getuid?.() === 0;
  const self = root ? null : { uid: process.getuid?.(), gid: process.getgid?.() };
  for (const sub of ['run', 'state', 'mail', 'home']) await mkdir(path.join(dir, sub));
  // The mail belongs to Dovecot's user when run as root: it must be able to write there.
  for (const sub of ['', 'mail', 'home']) await chmod(path.join(dir, sub), 0o777);
  await writeFile(path.join(dir, 'users'), `${user}:{PLAIN}${password}\n`);
  const config = [
    `base_dir = ${dir}/run`,
    `state_dir = ${dir}/state`,
    `log_path = ${dir}/dovecot.log`,
    'protocols = imap',
    'listen = 127.0.0.1',
    'ssl = no',
    'disable_plaintext_auth = no',
    'auth_mechanisms = plain login',
    `default_login_user = ${root ? 'dovenull' : process.env.USER}`,
    `default_internal_user = ${root ? 'dovecot' : process.env.USER}`,
    `mail_location = maildir:${dir}/mail/%u`,
    'first_valid_uid = 0',
    'passdb {',
    '  driver = passwd-file',
    `  args = scheme=PLAIN username_format=%u ${dir}/users`,
    '}',
    'userdb {',
    '  driver = static',
    `  args = uid=${root ? 'dovecot' : self?.uid} gid=${root ? 'dovecot' : self?.gid} home=${dir}/home/%u`,
    '}',
    'service imap-login {',
    '  chroot =',
    '  inet_listener imap {',
    '    address = 127.0.0.1',
    `    port = ${port}`,
    '  }',
    '  inet_listener imaps {',
    '    port = 0',
    '  }',
    '}',
    'service anvil {',
    '  chroot =',
    '}',
    '',
  ].join('\n');
  await writeFile(path.join(dir, 'dovecot.conf'), config);
  const child: ChildProcess = spawn(DOVECOT, ['-F', '-c', path.join(dir, 'dovecot.conf')], {
    stdio: 'ignore',
  });
  const deadline = Date.now() + 15_000;
  while (!(await answers(port))) {
    if (Date.now() > deadline || child.exitCode !== null) {
      const log = await readFile(path.join(dir, 'dovecot.log'), 'utf8').catch(() => '');
      child.kill('SIGKILL');
      throw new Error(`Dovecot did not start:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
