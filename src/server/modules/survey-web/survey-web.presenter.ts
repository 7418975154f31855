import type { TInvitation } from '../../../contracts/surveys.contracts';
import type { InvitationRow } from './survey-web.repository';

/** An invitation as organisers see it: to whom, when, whether answered; never its token. */
export function presentInvitation(row: InvitationRow): TInvitation {
  return {
    id: row.id,
    email: row.email,
    createdAt: row.created_at.toISOString(),
    used: row.used_at !== null,
    usedAt: row.used_at?.toISOString() ?? null,
  };
}
