import { z } from 'zod';
import { PERMISSIONS } from '../domain/roles';
import { Email } from './common';
import { Password, Role } from './staff.contracts';

export const LoginBody = z.strictObject({
  email: Email,
  password: z.string().min(1).max(200),
});
export type TLoginBody = z.infer<typeof LoginBody>;

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: Password,
});
export type TChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const Me = z.object({
  id: z.uuid(),
  givenName: z.string(),
  surname: z.string(),
  email: z.string(),
  position: z.string(),
  roles: z.array(Role),
  permissions: z.array(z.enum(PERMISSIONS)),
  units: z.array(z.object({ id: z.uuid(), name: z.string() })),
  /** Send back in the X-CSRF-Token header with every change made through the session; null for API tokens. */
  csrfToken: z.string().nullable(),
});
export type TMe = z.infer<typeof Me>;
