import { PERMISSIONS, type Permission, type Role } from '../../domain/roles';
import { AppError } from './errors';

/** Who is acting: a signed-in person (session or personal token) or a system token. */
export interface Principal {
  kind: 'staff' | 'system';
  /** The person, for sessions and personal tokens. */
  staffId: string | null;
  tokenId: string | null;
  sessionId: string | null;
  csrfToken: string | null;
  roles: readonly Role[];
  permissions: ReadonlySet<Permission>;
  /** The units the person belongs to. */
  unitIds: readonly string[];
  /** The telephone exchange whose token this is (it holds `telephony.exchange` alone). */
  exchangeId?: string;
}

/** What a service needs to know about the request it acts for: who, and for the audit log. */
export interface ActionContext {
  principal: Principal;
  requestId: string;
  ip: string | null;
}

/**
 * The context of work done by the operator on the server itself (command line, demo data), not
 * by a person through the API: it may do everything, and the audit log shows it as the system.
 */
export function systemContext(requestId: string): ActionContext {
  return {
    principal: {
      kind: 'system',
      staffId: null,
      tokenId: null,
      sessionId: null,
      csrfToken: null,
      roles: [],
      permissions: new Set(PERMISSIONS),
      unitIds: [],
    },
    requestId,
    ip: null,
  };
}

export function hasPermission(principal: Principal, permission: Permission): boolean {
  return principal.permissions.has(permission);
}

/** Refuses the action unless the principal holds the permission. */
export function requirePermission(principal: Principal, permission: Permission): void {
  if (!hasPermission(principal, permission)) throw new AppError('forbidden');
}
