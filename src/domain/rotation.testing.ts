import type { RotationCandidate } from './rotation';

/** A free member of the unit named `name` (id `id-<name>`, listed by the name), for tests. */
export const candidate = (
  name: string,
  more: Partial<RotationCandidate> = {},
): RotationCandidate => ({
  staffId: `id-${name}`,
  extension: `1${name.charCodeAt(0)}`,
  member: true,
  absent: false,
  onCall: false,
  servingVisitor: false,
  lastCallEndedAt: null,
  sortKey: name,
  ...more,
});
