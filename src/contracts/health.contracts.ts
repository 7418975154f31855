import { z } from 'zod';

export const Health = z.object({
  status: z.enum(['ok', 'error']),
  database: z.enum(['pglite', 'postgresql']),
  databaseReachable: z.boolean(),
  version: z.string(),
  uptimeSeconds: z.int(),
});
export type THealth = z.infer<typeof Health>;
