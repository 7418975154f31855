import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Seals short secrets (a mailbox's IMAP password) for storage with AES-256-GCM: a fresh 12-byte
 * IV each time, and the 16-byte tag that makes any change to the stored bytes, or a different key,
 * fail to open rather than yield wrong plain text. Stored as iv ‖ tag ‖ ciphertext.
 */
export interface SecretBox {
  seal(plain: string): Buffer;
  /** Throws when the key is not the one that sealed it or the bytes were changed. */
  open(sealed: Buffer): string;
}

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const SECRET_KEY_BYTES = 32;

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== SECRET_KEY_BYTES) {
    throw new Error(`a secret box key must be ${SECRET_KEY_BYTES} bytes, not ${key.length}`);
  }
  return {
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
      const encrypted = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), encrypted]);
    },
    open(sealed) {
      if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error('the sealed secret is too short');
      const iv = sealed.subarray(0, IV_BYTES);
      const tag = sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
      decipher.setAuthTag(tag);
      return Buffer.concat([
        decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    },
  };
}
