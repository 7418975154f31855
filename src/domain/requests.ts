/** The states of a service request and the moves between them (the case's life). */
export const REQUEST_STATES = [
  'new',
  'in_progress',
  'waiting_client',
  'waiting_institution',
  'answered',
  'closed',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

const MOVES: Record<RequestState, readonly RequestState[]> = {
  new: ['in_progress', 'waiting_client', 'waiting_institution', 'answered', 'closed'],
  in_progress: ['waiting_client', 'waiting_institution', 'answered', 'closed'],
  waiting_client: ['in_progress', 'answered', 'closed'],
  waiting_institution: ['in_progress', 'answered', 'closed'],
  // The client writes back after the answer: the request is worked on again.
  answered: ['in_progress', 'closed'],
  // A closed request is reopened only to work on it again.
  closed: ['in_progress'],
};

/** Whether a request may move from one state to another. */
export function canMove(from: RequestState, to: RequestState): boolean {
  return MOVES[from].includes(to);
}

/** The states a request may move to next. */
export function nextStates(from: RequestState): readonly RequestState[] {
  return MOVES[from];
}

/** Still owed to the client: the deadline counts. */
export function isOpen(state: RequestState): boolean {
  return state !== 'answered' && state !== 'closed';
}

/** Waiting for someone else: the client or another institution. */
export function isWaiting(state: RequestState): boolean {
  return state === 'waiting_client' || state === 'waiting_institution';
}

/** Consultations and applications are counted separately, as the ministry counts them. */
export const REQUEST_KINDS = ['consultation', 'application'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** Who is looking at requests, and what they may see (clause 20: nothing beyond their work). */
export interface RequestViewer {
  staffId: string | null;
  /** The heads of client service and the auditor see every request. */
  readAll: boolean;
  /** A specialist's own units; a unit head's units and all below them. */
  unitIds: ReadonlySet<string>;
}

/**
 * Who registered a request and may not otherwise see it still sees that it exists: its number,
 * service, unit and state, never its content (decision 22).
 */
export function seesOnlyAsRegistrar(
  viewer: RequestViewer,
  request: { unitId: string; ownerId: string | null; registeredBy: string | null },
): boolean {
  return (
    viewer.staffId !== null &&
    request.registeredBy === viewer.staffId &&
    !maySeeRequest(viewer, request)
  );
}

/** A request is seen by its owner, by the people of its unit, and by those who see all. */
export function maySeeRequest(
  viewer: RequestViewer,
  request: { unitId: string; ownerId: string | null },
): boolean {
  return (
    viewer.readAll ||
    (viewer.staffId !== null && request.ownerId === viewer.staffId) ||
    viewer.unitIds.has(request.unitId)
  );
}

/** Whose work a start page shows: one person's own, or everything in a unit head's units. */
export type WorkScope =
  { kind: 'mine'; staffId: string } | { kind: 'unit'; unitIds: readonly string[] };
