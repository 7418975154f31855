/** Whom an employee sends an improvement idea to (clause 31). */
export const IDEA_ADDRESSEES = [
  'manager',
  'client_service_head',
  'deputy_executive_director',
] as const;
export type IdeaAddressee = (typeof IDEA_ADDRESSEES)[number];

/** What became of an idea, as its author sees it. */
export const IDEA_STATES = [
  'submitted',
  'under_review',
  'accepted',
  'rejected',
  'implemented',
] as const;
export type IdeaState = (typeof IDEA_STATES)[number];

/**
 * Where an idea may go from each state. A rejection is final (the author may send a new idea);
 * an accepted idea is either implemented or, when it turns out it cannot be, rejected.
 */
const MOVES: Record<IdeaState, readonly IdeaState[]> = {
  submitted: ['under_review', 'accepted', 'rejected'],
  under_review: ['accepted', 'rejected'],
  accepted: ['implemented', 'rejected'],
  rejected: [],
  implemented: [],
};

/** Whether an idea may move from one state to the other. */
export const mayMoveIdea = (from: IdeaState, to: IdeaState): boolean => MOVES[from].includes(to);

/** A decision is explained to the author: they see what became of their idea and why. */
export const responseRequiredFor = (state: IdeaState): boolean =>
  state === 'accepted' || state === 'rejected' || state === 'implemented';

/** The roles that receive ideas sent to the client service head or to the deputy. */
export const RECEIVING_ROLE = {
  client_service_head: 'client_service_head',
  deputy_executive_director: 'deputy_executive_director',
} as const;

/** Who may receive an idea: the heads of its unit for `manager`, else the holders of the role. */
export function receivesIdea(
  receiver: { roles: readonly string[]; unitIds: readonly string[] },
  idea: { addressee: IdeaAddressee; unitId: string | null },
): boolean {
  if (idea.addressee === 'manager')
    return (
      receiver.roles.includes('unit_head') &&
      idea.unitId !== null &&
      receiver.unitIds.includes(idea.unitId)
    );
  return receiver.roles.includes(RECEIVING_ROLE[idea.addressee]);
}
