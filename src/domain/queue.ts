/** A person waiting at a client service centre. */
export interface QueueEntry {
  id: string;
  /** An external client (a resident, an organisation) rather than a colleague. */
  external: boolean;
  /** Came in person rather than, say, waiting for a call back. */
  inPerson: boolean;
  arrivedAt: Date;
}

/**
 * Clause 11.10: external clients and clients served in person come first; then whoever came
 * first. An external visitor is served before a colleague who came in person earlier.
 */
export function priorityOf(entry: Pick<QueueEntry, 'external' | 'inPerson'>): number {
  return (entry.external ? 0 : 2) + (entry.inPerson ? 0 : 1);
}

/** The queue in the order it is served. */
export function queueOrder<T extends QueueEntry>(entries: readonly T[]): T[] {
  return [...entries].sort(
    (a, b) =>
      priorityOf(a) - priorityOf(b) ||
      a.arrivedAt.getTime() - b.arrivedAt.getTime() ||
      a.id.localeCompare(b.id),
  );
}

/** Whole minutes someone has been waiting. */
export function minutesWaiting(arrivedAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - arrivedAt.getTime()) / 60_000));
}
