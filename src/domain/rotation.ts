import type { Rotation } from './calls';

/**
 * Whom a unit's incoming call rings, and in what order (clause 15.1): the unit's own staff who are
 * free, by the unit's rotation, then those standing in for its absent members. Nobody absent, on
 * a call, or serving a visitor in person (clause 11.8) is rung.
 */

export interface RotationCandidate {
  staffId: string;
  extension: string;
  /** A member of the unit (false: standing in for an absent member). */
  member: boolean;
  absent: boolean;
  onCall: boolean;
  servingVisitor: boolean;
  /** When their last call ended; null: not yet (they have been idle longest). */
  lastCallEndedAt: Date | null;
  /** The order of the unit's list (surname, name): round robin walks it. */
  sortKey: string;
}

export interface RouteTarget {
  staffId: string;
  extension: string;
  substitute: boolean;
}

const byKey = (a: RotationCandidate, b: RotationCandidate) =>
  a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.staffId < b.staffId ? -1 : 1;

/** Longest idle first; those who never had a call before anyone, in the list's order. */
const byIdle = (a: RotationCandidate, b: RotationCandidate) => {
  const at = a.lastCallEndedAt?.getTime() ?? -Infinity;
  const bt = b.lastCallEndedAt?.getTime() ?? -Infinity;
  return at === bt ? byKey(a, b) : at - bt;
};

const free = (candidate: RotationCandidate) =>
  !candidate.absent && !candidate.onCall && !candidate.servingVisitor;

/**
 * Whose turn a round robin call is, given who was rung first on the call before: the first free
 * member after them down the list, or around from the top; the first free member when nobody was
 * rung yet or they are no longer a member; null when no member is free.
 *
 * routeCall's statement takes the turn by the same rule in the database when it reads a line. A
 * process that keeps the line's answer takes the turns of the calls in between with this one
 * (decision 51); the HTTP tests of the rotation hold both to the same answers.
 */
export function nextTurn(
  candidates: readonly RotationCandidate[],
  last: string | null,
): string | null {
  const members = candidates.filter((c) => c.member);
  const previous = members.find((c) => c.staffId === last);
  const list = members.filter(free).sort(byKey);
  const after = previous
    ? list.find((c) => c.staffId !== previous.staffId && byKey(c, previous) > 0)
    : undefined;
  return (after ?? list[0])?.staffId ?? null;
}

/**
 * The extensions to ring in order. Round robin starts with `first`, the member whose turn this
 * call is (nextTurn), and goes on down the list and around. Longest idle starts with whoever finished their last call
 * longest ago. A person listed both as a member and as a stand-in is rung once, as a member.
 */
export function routeOrder(
  candidates: readonly RotationCandidate[],
  rotation: Rotation,
  first: string | null,
): RouteTarget[] {
  const members = candidates.filter((c) => c.member && free(c));
  const memberIds = new Set(members.map((c) => c.staffId));
  const seen = new Set<string>();
  const substitutes = candidates
    .filter((c) => !c.member && free(c) && !memberIds.has(c.staffId))
    .filter((c) => (seen.has(c.staffId) ? false : (seen.add(c.staffId), true)))
    .sort(byKey);
  let ordered: RotationCandidate[];
  if (rotation === 'longest_idle') {
    ordered = [...members].sort(byIdle);
  } else {
    const list = [...members].sort(byKey);
    const start = Math.max(
      0,
      list.findIndex((c) => c.staffId === first),
    );
    ordered = [...list.slice(start), ...list.slice(0, start)];
  }
  return [
    ...ordered.map((c) => ({ staffId: c.staffId, extension: c.extension, substitute: false })),
    ...substitutes.map((c) => ({ staffId: c.staffId, extension: c.extension, substitute: true })),
  ];
}
