import type { TApiToken } from '../../../contracts/tokens.contracts';
import type { TokenRow } from './tokens.repository';

export function presentToken(row: TokenRow): TApiToken {
  return {
    id: row.id,
    name: row.name,
    kind: row.staff_id ? 'personal' : 'system',
    staff:
      row.staff_id && row.given_name && row.surname && row.position && row.email
        ? {
            id: row.staff_id,
            givenName: row.given_name,
            surname: row.surname,
            position: row.position,
            phone: row.phone,
            email: row.email,
          }
        : null,
    roles: row.roles,
    prefix: row.token_prefix,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}
