import type {
  TCatiAttempt,
  TCatiCase,
  TCatiSummary,
  TQcItem,
  TSampleCase,
  TStratumSummary,
} from '../../../contracts/cati.contracts';
import {
  isNotEligible,
  isOpenCatiState,
  responseRate,
  type RefusalReason,
} from '../../../domain/cati';
import type {
  AttemptRow,
  CaseRow,
  CatiWaveRow,
  countCases,
  countRefusals,
  QcItemRow,
} from './cati.repository';

const personOf = (id: string | null, givenName: string | null, surname: string | null) =>
  id && givenName !== null && surname !== null ? { id, name: `${givenName} ${surname}` } : null;

export function presentSampleCase(row: Omit<CaseRow, 'total'>): TSampleCase {
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    organisation: row.organisation,
    stratum: row.stratum,
    state: row.state,
    attempts: row.attempts,
    nextCallAt: row.next_call_at?.toISOString() ?? null,
    finalDisposition: row.final_disposition,
    heldBy: personOf(row.holder_id, row.holder_given_name, row.holder_surname),
  };
}

export function presentAttempt(row: AttemptRow): TCatiAttempt {
  return {
    id: row.id,
    calledAt: row.called_at.toISOString(),
    outcome: row.outcome,
    refusalReason: row.refusal_reason,
    appointmentAt: row.appointment_at?.toISOString() ?? null,
    note: row.note,
    interviewer: personOf(row.interviewer_id, row.interviewer_given_name, row.interviewer_surname),
  };
}

export function presentCatiCase(
  row: CaseRow,
  wave: CatiWaveRow,
  attempts: readonly AttemptRow[],
  answers: Record<string, string>,
): TCatiCase {
  return {
    ...presentSampleCase(row),
    wave: { id: wave.id, name: wave.name, surveyTitle: wave.survey_title },
    heldUntil: row.holder_id ? (row.assigned_until?.toISOString() ?? null) : null,
    history: attempts.map(presentAttempt),
    questionnaire: wave.definition,
    answers,
  };
}

export function presentQcItem(row: QcItemRow): TQcItem {
  return {
    responseId: row.response_id,
    sampleId: row.sample_id,
    respondent: row.respondent,
    stratum: row.stratum,
    interviewer: personOf(row.interviewer_id, row.interviewer_given_name, row.interviewer_surname),
    completedAt: row.completed_at?.toISOString() ?? null,
    drawnAt: row.drawn_at.toISOString(),
    answers: row.answers,
    verdict: row.verdict,
    feedback: row.feedback,
    checkedBy: personOf(row.checker_id, row.checker_given_name, row.checker_surname),
    checkedAt: row.checked_at?.toISOString() ?? null,
  };
}

type CaseCount = Awaited<ReturnType<typeof countCases>>[number];
type RefusalCount = Awaited<ReturnType<typeof countRefusals>>[number];

function emptyStratum(stratum: string | null, planned: number | null): TStratumSummary {
  return {
    stratum,
    sample: 0,
    planned,
    attempts: 0,
    completes: 0,
    open: 0,
    refusals: { calls: 0, soft: 0, hard: 0, cases: 0, reasons: [] },
    notEligible: 0,
    responseRate: null,
    dispositions: {},
  };
}

/** Adds one stratum's counts into another (the total). */
function addInto(total: TStratumSummary, part: TStratumSummary): void {
  total.sample += part.sample;
  if (part.planned !== null) total.planned = (total.planned ?? 0) + part.planned;
  total.attempts += part.attempts;
  total.completes += part.completes;
  total.open += part.open;
  total.notEligible += part.notEligible;
  total.refusals.calls += part.refusals.calls;
  total.refusals.soft += part.refusals.soft;
  total.refusals.hard += part.refusals.hard;
  total.refusals.cases += part.refusals.cases;
  for (const { reason, count } of part.refusals.reasons) addReason(total, reason, count);
  for (const [code, count] of Object.entries(part.dispositions)) {
    total.dispositions[code] = (total.dispositions[code] ?? 0) + count;
  }
}

function addReason(summary: TStratumSummary, reason: RefusalReason, count: number): void {
  const entry = summary.refusals.reasons.find((item) => item.reason === reason);
  if (entry) entry.count += count;
  else summary.refusals.reasons.push({ reason, count });
}

/**
 * The per-stratum summary from counts of cases and refusal calls: strata by name (the plan's
 * too, even with no one in the sample yet), those without a stratum last; reasons by count,
 * most first.
 */
export function presentSummary(
  cases: readonly CaseCount[],
  refusals: readonly RefusalCount[],
  allocation: Record<string, number> | null,
): TCatiSummary {
  const strata = new Map<string | null, TStratumSummary>();
  for (const [name, planned] of Object.entries(allocation ?? {})) {
    strata.set(name, emptyStratum(name, planned));
  }
  const stratumOf = (name: string | null) => {
    let summary = strata.get(name);
    if (!summary) {
      summary = emptyStratum(name, allocation ? 0 : null);
      strata.set(name, summary);
    }
    return summary;
  };
  for (const row of cases) {
    const summary = stratumOf(row.stratum);
    summary.sample += row.cases;
    summary.attempts += row.attempts;
    if (row.state === 'complete') summary.completes += row.cases;
    if (row.state === 'refused') summary.refusals.cases += row.cases;
    if (isOpenCatiState(row.state)) summary.open += row.cases;
    if (isNotEligible(row.final_disposition)) summary.notEligible += row.cases;
    if (row.final_disposition !== null) {
      summary.dispositions[row.final_disposition] =
        (summary.dispositions[row.final_disposition] ?? 0) + row.cases;
    }
  }
  for (const row of refusals) {
    const summary = stratumOf(row.stratum);
    summary.refusals.calls += row.calls;
    if (row.outcome === 'soft_refusal') summary.refusals.soft += row.calls;
    else summary.refusals.hard += row.calls;
    addReason(summary, row.refusal_reason ?? 'other', row.calls);
  }
  const ordered = [...strata.values()].sort((a, b) => {
    if (a.stratum === null || b.stratum === null) return a.stratum === null ? 1 : -1;
    return a.stratum.localeCompare(b.stratum, 'lv');
  });
  const total = emptyStratum(null, null);
  for (const summary of ordered) {
    summary.refusals.reasons.sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
    summary.responseRate = responseRate({
      cases: summary.sample,
      completes: summary.completes,
      notEligible: summary.notEligible,
    });
    addInto(total, summary);
  }
  total.refusals.reasons.sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  total.responseRate = responseRate({
    cases: total.sample,
    completes: total.completes,
    notEligible: total.notEligible,
  });
  return { strata: ordered, total };
}
