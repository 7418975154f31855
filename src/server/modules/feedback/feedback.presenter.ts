import type {
  TFeedback,
  TFeedbackAbilities,
  TFeedbackAttachment,
  TFeedbackEscalation,
  TFeedbackSummary,
} from '../../../contracts/feedback.contracts';
import type { FeedbackVisibility } from '../../../domain/feedback';
import type { EscalationRow, FeedbackRow } from './feedback.repository';

const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

const ref = (id: string | null, names: ReadonlyMap<string, string>) =>
  id === null ? null : { id, name: names.get(id) ?? '' };

const NO_ABILITIES: TFeedbackAbilities = {
  evaluate: false,
  delegate: false,
  answer: false,
  close: false,
  escalate: false,
  resolve: false,
};

/** How much of the text a list row shows. */
const EXCERPT_LENGTH = 160;

export function presentEscalation(
  row: EscalationRow,
  context: {
    now: Date;
    hideDecision: boolean;
    people: ReadonlyMap<string, string>;
    units: ReadonlyMap<string, string>;
  },
): TFeedbackEscalation {
  return {
    id: row.id,
    level: row.level,
    unit: ref(row.unit_id, context.units),
    openedAt: new Date(row.opened_at).toISOString(),
    openedBy: ref(row.opened_by, context.people),
    reason: row.reason,
    dueOn: row.due_on,
    dueAt: new Date(row.due_at).toISOString(),
    closedAt: iso(row.closed_at),
    closedBy: ref(row.closed_by, context.people),
    outcome: row.outcome,
    decision: context.hideDecision ? null : row.decision,
    overdue: row.closed_at === null && new Date(row.due_at) <= context.now,
  };
}

export function presentSummary(
  row: FeedbackRow,
  visibility: Exclude<FeedbackVisibility, { view: 'none' }>,
): TFeedbackSummary {
  const full = visibility.view === 'full';
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    channel: row.channel,
    unit: { id: row.unit_id, name: row.unit_name },
    staff: full && row.staff_id ? { id: row.staff_id, name: row.staff_name ?? '' } : null,
    state: row.state,
    receivedAt: new Date(row.received_at).toISOString(),
    excerpt: full ? row.text.slice(0, EXCERPT_LENGTH) : null,
    topic: full ? row.topic : null,
    serious: full ? row.serious : false,
    escalationLevel: full ? row.escalation_level : null,
    answerDueOn: full ? row.answer_due_on : null,
  };
}

/**
 * An item as the viewer may see it: in outline for its registrar, in full otherwise with the
 * parts withheld that the visibility says (never the notes, actions or decisions to the person
 * complained about).
 */
export function presentFeedback(
  row: FeedbackRow,
  context: {
    visibility: Exclude<FeedbackVisibility, { view: 'none' }>;
    now: Date;
    escalations: readonly EscalationRow[];
    attachments: readonly TFeedbackAttachment[];
    people: ReadonlyMap<string, string>;
    units: ReadonlyMap<string, string>;
    requestNumbers: ReadonlyMap<string, string>;
    abilities: TFeedbackAbilities;
  },
): TFeedback {
  const { visibility, people } = context;
  const base = {
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    channel: row.channel,
    unit: { id: row.unit_id, name: row.unit_name },
    state: row.state,
    receivedAt: new Date(row.received_at).toISOString(),
    language: row.language,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
  if (visibility.view === 'outline') {
    return {
      ...base,
      view: 'outline',
      staff: null,
      text: null,
      name: null,
      email: null,
      phone: null,
      clientId: null,
      sourceRequest: null,
      answerRequest: null,
      registeredBy: ref(row.registered_by, people),
      evaluator: null,
      topic: null,
      justified: null,
      serious: false,
      evaluationNotes: null,
      actions: null,
      evaluatedBy: null,
      evaluatedAt: null,
      answerDueOn: null,
      answerDueAt: null,
      answeredAt: null,
      answerChannel: null,
      closedAt: null,
      escalationLevel: null,
      escalations: [],
      attachments: [],
      abilities: NO_ABILITIES,
    };
  }
  const request = (id: string | null) =>
    id === null ? null : { id, number: context.requestNumbers.get(id) ?? '' };
  return {
    ...base,
    view: 'full',
    staff: row.staff_id ? { id: row.staff_id, name: row.staff_name ?? '' } : null,
    text: row.text,
    name: row.name,
    email: row.email,
    phone: row.phone,
    clientId: row.client_id,
    sourceRequest: request(row.source_request_id),
    answerRequest: request(row.answer_request_id),
    registeredBy: ref(row.registered_by, people),
    evaluator: ref(row.evaluator_id, people),
    topic: row.topic,
    justified: row.justified,
    serious: row.serious,
    evaluationNotes: visibility.hideNotes ? null : row.evaluation_notes,
    actions: visibility.hideActions ? null : row.actions,
    evaluatedBy: ref(row.evaluated_by, people),
    evaluatedAt: iso(row.evaluated_at),
    answerDueOn: row.answer_due_on,
    answerDueAt: iso(row.answer_due_at),
    answeredAt: iso(row.answered_at),
    answerChannel:
      row.answered_at === null ? null : row.answer_request_id !== null ? 'email' : 'phone',
    closedAt: iso(row.closed_at),
    escalationLevel: row.escalation_level,
    escalations: context.escalations.map((escalation) =>
      presentEscalation(escalation, {
        now: context.now,
        hideDecision: visibility.hideDecisions,
        people,
        units: context.units,
      }),
    ),
    attachments: [...context.attachments],
    abilities: context.abilities,
  };
}
