import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox } from './secret-box';

describe('secret box', () => {
  const key = randomBytes(32);

  it('opens what it sealed, and seals the same text differently each time', () => {
    const box = createSecretBox(key);
    const first = box.seal('Parole ar garumzīmēm: āčēģ');
    const second = box.seal('Parole ar garumzīmēm: āčēģ');

    expect(box.open(first)).toBe('Parole ar garumzīmēm: āčēģ');
    expect(first.equals(second)).toBe(false);
    expect(first.includes(Buffer.from('Parole'))).toBe(false);
  });

  it('refuses to open with another key', () => {
    const sealed = createSecretBox(key).seal('slepens');
    expect(() => createSecretBox(randomBytes(32)).open(sealed)).toThrow();
  });

  it('notices a changed byte anywhere: IV, tag or ciphertext', () => {
    const box = createSecretBox(key);
    const sealed = box.seal('slepens');
    for (const index of [0, 12, sealed.length - 1]) {
      const tampered = Buffer.from(sealed);
      tampered[index] = (tampered[index] ?? 0) ^ 1;
      expect(() => box.open(tampered)).toThrow();
    }
    expect(() => box.open(sealed.subarray(0, 20))).toThrow();
  });

  it('takes only a 32-byte key', () => {
    expect(() => createSecretBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});
