import { z } from 'zod';

/**
 * An active mailbox's reader, as anyone may see it: the health check answers without signing in,
 * so it names the mailbox and its state, never its address, server or the error's text (which may
 * name a host or an account); administrators read the error on the mailboxes page (decision 43).
 */
export const MailboxHealth = z.object({
  name: z.string(),
  connected: z.boolean(),
  checkedAt: z.string().nullable(),
  lastMessageAt: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
});

export const Health = z.object({
  status: z.enum(['ok', 'error']),
  database: z.enum(['pglite', 'postgresql']),
  databaseReachable: z.boolean(),
  version: z.string(),
  uptimeSeconds: z.int(),
  mailboxes: z.array(MailboxHealth),
});
export type THealth = z.infer<typeof Health>;
