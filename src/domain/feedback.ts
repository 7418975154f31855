import { searchTextOf } from './search-text';

// The rules of the feedback registry (clauses 25–26, 32–33), free of storage and of the clock:
// the reference's form, the order of escalation, who may see and do what, and the public form's
// rate limit.

export type FeedbackLevel = 'manager' | 'head' | 'ethics';

/** The order a complaint climbs (32–33): the direct manager, the heads, the Ethics commission. */
export const ESCALATION_ORDER: readonly FeedbackLevel[] = ['manager', 'head', 'ethics'];

/** The deadline policy of each level (migration 0018). */
export const ESCALATION_POLICY: Record<FeedbackLevel, string> = {
  manager: 'escalation-manager',
  head: 'escalation-head',
  ethics: 'escalation-ethics',
};

export const ANSWER_POLICY = 'feedback-answer';

/** The level above the open one; null above the Ethics commission. */
export function nextLevel(current: FeedbackLevel | null): FeedbackLevel | null {
  if (current === null) return 'manager';
  return ESCALATION_ORDER[ESCALATION_ORDER.indexOf(current) + 1] ?? null;
}

/** The reference a resident quotes: `ATS-2026-00042` (ATS: atsauksme). */
export function feedbackReference(year: number, number: number): string {
  return `ATS-${year}-${String(number).padStart(5, '0')}`;
}

/** What of an item a clerk searches it by. */
export interface FeedbackSearchable {
  reference: string;
  text: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  topic: string | null;
}

/**
 * The item's search text, folded as every search is (decision 7): a clerk typing "berzins
 * rinda" finds "Bērziņš" complaining about the queue ("rindā"), and "ATS-2026-00042" or its
 * digits the item by its reference.
 */
export function feedbackSearchText(item: FeedbackSearchable): string {
  return searchTextOf([item.reference, item.name, item.email, item.phone, item.topic, item.text]);
}

/** What a viewer holds that matters for an item. */
export interface FeedbackViewer {
  staffId: string | null;
  evaluate: boolean;
  manageUnit: boolean;
  ethics: boolean;
  /** The units the viewer belongs to. */
  unitIds: ReadonlySet<string>;
}

/** What of an item decides who sees it. */
export interface FeedbackSubject {
  unitId: string;
  staffId: string | null;
  evaluatorId: string | null;
  registeredBy: string | null;
  /** Every level it passed through or is at, with the unit of a manager level. */
  escalations: ReadonlyArray<{ level: FeedbackLevel; unitId: string | null }>;
}

/**
 * How much of an item the viewer sees: `none` (it looks missing), `outline` (the registrar:
 * reference, kind, unit, state), or `full` with what is withheld. The person complained about
 * never sees the evaluation notes, the actions nor the escalation decisions, whatever else they
 * hold; an Ethics commission member who does not evaluate sees no evaluation notes.
 */
export type FeedbackVisibility =
  | { view: 'none' }
  | { view: 'outline' }
  | { view: 'full'; hideNotes: boolean; hideActions: boolean; hideDecisions: boolean };

export function feedbackVisibility(
  viewer: FeedbackViewer,
  item: FeedbackSubject,
): FeedbackVisibility {
  const me = viewer.staffId;
  const delegate = me !== null && item.evaluatorId === me;
  const evaluator = viewer.evaluate || delegate;
  const unitHead =
    viewer.manageUnit &&
    (viewer.unitIds.has(item.unitId) ||
      item.escalations.some(
        (e) => e.level === 'manager' && e.unitId !== null && viewer.unitIds.has(e.unitId),
      ));
  const ethics = viewer.ethics && item.escalations.some((e) => e.level === 'ethics');
  if (evaluator || unitHead || ethics) {
    const complainedAbout = me !== null && item.staffId === me;
    return {
      view: 'full',
      hideNotes: complainedAbout || !(evaluator || unitHead),
      hideActions: complainedAbout,
      hideDecisions: complainedAbout,
    };
  }
  if (me !== null && item.registeredBy === me) return { view: 'outline' };
  return { view: 'none' };
}

/** Whether the viewer holds the level: may resolve it, or pass it on from it. */
export function holdsLevel(
  viewer: FeedbackViewer,
  level: { level: FeedbackLevel; unitId: string | null },
): boolean {
  switch (level.level) {
    case 'manager':
      return viewer.manageUnit && level.unitId !== null && viewer.unitIds.has(level.unitId);
    case 'head':
      return viewer.evaluate;
    case 'ethics':
      return viewer.ethics;
  }
}

/** Whether the viewer evaluates the item: the client service head's right, or its delegate. */
export function evaluates(viewer: FeedbackViewer, item: { evaluatorId: string | null }): boolean {
  return viewer.evaluate || (viewer.staffId !== null && item.evaluatorId === viewer.staffId);
}

/**
 * Who may pass a complaint on (32–33): its evaluator from no level or any, the holder of the open
 * level from theirs; nothing above the Ethics commission.
 */
export function mayEscalate(
  viewer: FeedbackViewer,
  item: { evaluatorId: string | null },
  open: { level: FeedbackLevel; unitId: string | null } | null,
): boolean {
  if (open?.level === 'ethics') return false;
  if (evaluates(viewer, item)) return true;
  return open !== null && holdsLevel(viewer, open);
}

/** Who may resolve the open level: its holder, or the evaluator. */
export function mayResolve(
  viewer: FeedbackViewer,
  item: { evaluatorId: string | null },
  open: { level: FeedbackLevel; unitId: string | null } | null,
): boolean {
  if (open === null) return false;
  return evaluates(viewer, item) || holdsLevel(viewer, open);
}

/** The public form's limits per client address: accepted submissions per window. */
export interface RateLimit {
  windowSeconds: number;
  max: number;
}

/**
 * Whether one more submission from an address is accepted, given the times of those it already
 * made (the longest window's worth); if not, how many seconds until it would be.
 */
export function rateLimitDecision(
  attempts: readonly Date[],
  now: Date,
  limits: readonly RateLimit[],
): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
  let wait = 0;
  for (const limit of limits) {
    const since = now.getTime() - limit.windowSeconds * 1000;
    const inWindow = attempts
      .map((at) => at.getTime())
      .filter((at) => at > since)
      .sort((a, b) => a - b);
    if (inWindow.length < limit.max) continue;
    // The window frees a place when its oldest counted submission leaves it.
    const frees = (inWindow[inWindow.length - limit.max] as number) + limit.windowSeconds * 1000;
    wait = Math.max(wait, Math.ceil((frees - now.getTime()) / 1000));
  }
  return wait > 0 ? { allowed: false, retryAfterSeconds: wait } : { allowed: true };
}
