import type { TCallStreamMessage } from '../../../contracts/telephony.contracts';
import type { ActionContext, Principal } from '../../http/access';

/**
 * The open caller-card streams of this process (`GET /telephony/stream`) and whom a call
 * concerns. Each process holds its own streams; how a call reaches the streams of the other
 * processes is the service's business (PostgreSQL's NOTIFY, see `announce`).
 */

/** One open stream: whose it is, and where its messages go. */
export interface CallListener {
  /** The request that opened the stream: its principal decides what the cards show. */
  ctx: ActionContext;
  send(message: TCallStreamMessage): void;
}

/** A person hears of the calls that ring their own extension or their unit's line. */
export function hearsOf(
  principal: Principal,
  call: { unitId: string | null; staffId: string | null },
): boolean {
  if (call.staffId !== null && call.staffId === principal.staffId) return true;
  return call.unitId !== null && principal.unitIds.includes(call.unitId);
}

export function createCallListeners() {
  const listeners = new Set<CallListener>();
  return {
    /** Adds the stream; the function returned removes it. */
    add(listener: CallListener): () => void {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    /** The streams of those the call concerns. */
    of(call: { unitId: string | null; staffId: string | null }): CallListener[] {
      return [...listeners].filter((listener) => hearsOf(listener.ctx.principal, call));
    },
  };
}
