import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EAddressGateway } from '../modules/mail/mail.ports';

/**
 * The e-address exchange as a folder, standing for the state's e-address service in the demo and
 * the tests (the service itself needs an agreement and certificates: README). Letters handed
 * over are written to `out/` (the MIME message and a note of its recipient); letters for the
 * municipality are read from `in/` (`*.eml`, oldest name first) and moved to `in/done/` once
 * confirmed, so none is read twice.
 */
export function createFolderGateway(dir: string): EAddressGateway {
  const inbox = path.join(dir, 'in');
  const done = path.join(inbox, 'done');
  const outbox = path.join(dir, 'out');
  // Ids are file names: nothing may climb out of the folder through one.
  const safe = (id: string) => path.basename(id) === id && id.endsWith('.eml');
  return {
    async send(letter) {
      await mkdir(outbox, { recursive: true });
      const deliveryId = `${Date.now()}-${randomUUID()}`;
      await writeFile(path.join(outbox, `${deliveryId}.eml`), letter.raw);
      await writeFile(
        path.join(outbox, `${deliveryId}.json`),
        JSON.stringify({ to: letter.to, subject: letter.subject, messageId: letter.messageId }),
      );
      return { deliveryId };
    },
    async receive() {
      await mkdir(done, { recursive: true });
      const names = (await readdir(inbox)).filter((name) => name.endsWith('.eml')).sort();
      return Promise.all(
        names.map(async (id) => ({ id, raw: await readFile(path.join(inbox, id)) })),
      );
    },
    async confirm(id) {
      if (!safe(id)) throw new Error(`Not an e-address message id: ${id}`);
      await mkdir(done, { recursive: true });
      await rename(path.join(inbox, id), path.join(done, id));
    },
  };
}
