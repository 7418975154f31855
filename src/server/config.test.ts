import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const POSTGRES = { DATABASE_URL: 'postgresql://apkalpo@db.example:5432/apkalpo' };

describe('how many server processes', () => {
  it('on PostgreSQL, one per core unless WORKERS says otherwise', () => {
    expect(loadConfig(POSTGRES, 6).workers).toBe(6);
    expect(loadConfig({ ...POSTGRES, WORKERS: '3' }, 6).workers).toBe(3);
    expect(loadConfig({ ...POSTGRES, WORKERS: '1' }, 6).workers).toBe(1);
  });

  it('on the embedded PGlite, one', () => {
    expect(loadConfig({}, 6).workers).toBe(1);
    expect(loadConfig({ WORKERS: '1' }, 6).workers).toBe(1);
  });

  it('refuses several on PGlite, saying why and what to do', () => {
    expect(() => loadConfig({ WORKERS: '2' }, 6)).toThrow(ConfigError);
    expect(() => loadConfig({ WORKERS: '2' }, 6)).toThrow(
      /WORKERS: 2 server processes need PostgreSQL; the embedded PGlite belongs to one process\. Set DATABASE_URL/,
    );
  });

  it.each(['0', '-1', '1.5', 'many', ''])('refuses WORKERS=%j', (workers) => {
    expect(() => loadConfig({ ...POSTGRES, WORKERS: workers }, 6)).toThrow(/WORKERS/);
  });
});

describe('database connections per process', () => {
  it('are 10 unless DATABASE_POOL_SIZE says otherwise', () => {
    expect(loadConfig(POSTGRES, 2).databasePoolSize).toBe(10);
    expect(loadConfig({ ...POSTGRES, DATABASE_POOL_SIZE: '4' }, 2).databasePoolSize).toBe(4);
  });

  // A job holds one connection for its lock and does its work on another.
  it.each(['1', '0', 'ten'])('refuses DATABASE_POOL_SIZE=%j', (size) => {
    expect(() => loadConfig({ ...POSTGRES, DATABASE_POOL_SIZE: size }, 2)).toThrow(
      /DATABASE_POOL_SIZE/,
    );
  });
});

describe('the key for mailbox passwords', () => {
  const bytes = Buffer.from(Array.from({ length: 32 }, (_, index) => index * 7));

  it('is none unless APKALPO_SECRET_KEY is set', () => {
    expect(loadConfig({}, 2).mail.secretKey).toBeNull();
  });

  it('reads 32 bytes written as hex or as base64', () => {
    for (const written of [
      bytes.toString('hex'),
      bytes.toString('hex').toUpperCase(),
      bytes.toString('base64'),
      bytes.toString('base64url'),
    ]) {
      expect(loadConfig({ APKALPO_SECRET_KEY: written }, 2).mail.secretKey).toEqual(bytes);
    }
  });

  it.each([
    ['too short', bytes.subarray(0, 16).toString('base64')],
    ['too long', Buffer.concat([bytes, bytes]).toString('hex')],
    ['not base64', `${'!'.repeat(43)}=`],
    ['a password, not a key', 'mans-slepenais-atslēgvārds'],
    ['empty', ''],
  ])('refuses a key that is %s, saying what it must be', (_what, written) => {
    expect(() => loadConfig({ APKALPO_SECRET_KEY: written }, 2)).toThrow(ConfigError);
    expect(() => loadConfig({ APKALPO_SECRET_KEY: written }, 2)).toThrow(
      /APKALPO_SECRET_KEY: must be 32 bytes, written as 64 hex digits or 44 characters of base64/,
    );
  });
});
