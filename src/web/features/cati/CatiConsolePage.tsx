import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCatiCase, TRecordAttemptBody } from '../../../contracts/cati.contracts';
import { REFUSAL_REASONS, type RefusalReason } from '../../../domain/cati';
import { rigaInstantOfLocal } from '../../../domain/riga-time';
import { ProblemError } from '../../api/client';
import { nextCase, recordAttempt, saveCaseAnswers } from '../../api/cati';
import { Field } from '../../ui/Field';
import { formatDateTime } from '../../ui/format';
import { EmptyState, ErrorNotice, SuccessNotice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { QuestionnaireForm } from '../surveys/QuestionnaireForm';

/** The server's messages for answers, by column ("answers.job:satisfaction" → "job:satisfaction"). */
function answerErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ProblemError)) return {};
  const errors: Record<string, string> = {};
  for (const item of error.problem.errors ?? []) {
    if (item.field.startsWith('answers.'))
      errors[item.field.slice('answers.'.length)] = item.message;
  }
  return errors;
}

/**
 * The interviewer's console: take the next person to call, read the questionnaire aloud and
 * note the answers, then record how the call ended. The case is held for this interviewer
 * until then, so no colleague calls the same person.
 */
export function CatiConsolePage() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState<TCatiCase | null>(null);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [nobodyDue, setNobodyDue] = useState(false);

  const take = useMutation({
    mutationFn: nextCase,
    onSuccess: (found) => {
      setCurrent(found);
      setAnswers(found?.answers ?? {});
      setNobodyDue(found === null);
      setMessage(null);
    },
  });
  const save = useMutation({
    mutationFn: () => saveCaseAnswers((current as TCatiCase).id, answers),
    onSuccess: (saved) => {
      setCurrent(saved);
      setMessage(t('cati.console.answersSaved'));
    },
  });
  const record = useMutation({
    mutationFn: (body: TRecordAttemptBody) => recordAttempt((current as TCatiCase).id, body),
    onSuccess: (result) => {
      setCurrent(null);
      setAnswers({});
      setMessage(
        result.case.nextCallAt
          ? t('cati.console.recordedNext', {
              outcome: t(`cati.outcomes.${result.attempt.outcome}`),
              at: formatDateTime(result.case.nextCallAt),
            })
          : t('cati.console.recordedClosed', {
              outcome: t(`cati.outcomes.${result.attempt.outcome}`),
            }),
      );
    },
  });

  return (
    <>
      <PageHeader
        title={t('cati.console.title')}
        intro={t('cati.console.intro')}
        actions={
          <button
            type="button"
            className="button-primary"
            disabled={take.isPending || current !== null}
            onClick={() => take.mutate()}
          >
            {t('cati.console.next')}
          </button>
        }
      />
      {message && <SuccessNotice>{message}</SuccessNotice>}
      {take.error && <ErrorNotice error={take.error} />}
      {nobodyDue && !current && (
        <EmptyState title={t('cati.console.nobodyDue')} hint={t('cati.console.nobodyDueHint')} />
      )}
      {current && (
        <>
          <Respondent item={current} />
          <section className="panel panel-wide" aria-labelledby="cati-questionnaire">
            <h2 id="cati-questionnaire">{t('cati.console.questionnaire')}</h2>
            <QuestionnaireForm
              questionnaire={current.questionnaire}
              value={answers}
              onChange={setAnswers}
              errors={{ ...answerErrorsOf(save.error), ...answerErrorsOf(record.error) }}
              headingLevel={3}
            />
            {save.error && !Object.keys(answerErrorsOf(save.error)).length && (
              <ErrorNotice error={save.error} />
            )}
            <button
              type="button"
              className="button-secondary"
              disabled={save.isPending}
              onClick={() => save.mutate()}
            >
              {t('cati.console.saveAnswers')}
            </button>
          </section>
          <Outcomes
            busy={record.isPending}
            error={record.error}
            onRecord={(body) =>
              record.mutate(body.outcome === 'complete' ? { ...body, answers } : body)
            }
          />
        </>
      )}
    </>
  );
}

/** Whom to call, and the calls so far. */
function Respondent(props: { item: TCatiCase }) {
  const { t } = useTranslation();
  const { item } = props;
  return (
    <section className="panel panel-wide" aria-labelledby="cati-respondent">
      <h2 id="cati-respondent">{item.name}</h2>
      <dl className="facts">
        <dt>{t('cati.phone')}</dt>
        <dd>
          <a href={`tel:${item.phone.replace(/[^+0-9]/g, '')}`}>{item.phone}</a>
        </dd>
        <dt>{t('cati.organisation')}</dt>
        <dd>{item.organisation ?? '—'}</dd>
        <dt>{t('cati.stratum')}</dt>
        <dd>{item.stratum ?? '—'}</dd>
        <dt>{t('cati.survey')}</dt>
        <dd>
          {item.wave.surveyTitle} · {item.wave.name}
        </dd>
        {item.heldUntil && (
          <>
            <dt>{t('cati.console.heldUntil')}</dt>
            <dd>{formatDateTime(item.heldUntil)}</dd>
          </>
        )}
      </dl>
      <h3>{t('cati.console.history')}</h3>
      {item.history.length === 0 ? (
        <p>{t('cati.console.firstCall')}</p>
      ) : (
        <ol>
          {item.history.map((attempt) => (
            <li key={attempt.id}>
              {formatDateTime(attempt.calledAt)} — {t(`cati.outcomes.${attempt.outcome}`)}
              {attempt.refusalReason && ` (${t(`cati.reasons.${attempt.refusalReason}`)})`}
              {attempt.appointmentAt &&
                ` — ${t('cati.console.appointmentFor', { at: formatDateTime(attempt.appointmentAt) })}`}
              {attempt.interviewer && ` · ${attempt.interviewer.name}`}
              {attempt.note && <div className="field-hint">{attempt.note}</div>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** How the call ended: one button per outcome; a refusal with its reason, an appointment with its time. */
function Outcomes(props: {
  busy: boolean;
  error: unknown;
  onRecord: (body: TRecordAttemptBody) => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [reason, setReason] = useState<RefusalReason | ''>('');
  const [appointmentAt, setAppointmentAt] = useState('');
  const error = props.error instanceof ProblemError ? props.error : null;
  const fieldError = (field: string) => error?.fieldMessage(field);
  const send = (body: TRecordAttemptBody) =>
    props.onRecord({ ...body, ...(note.trim() ? { note: note.trim() } : {}) });
  const refusal = (outcome: 'soft_refusal' | 'hard_refusal') =>
    send({ outcome, ...(reason ? { refusalReason: reason } : {}) });
  return (
    <section className="panel panel-wide" aria-labelledby="cati-outcome">
      <h2 id="cati-outcome">{t('cati.console.outcome')}</h2>
      {props.error !== null &&
        props.error !== undefined &&
        !(error?.problem.errors ?? []).some((item) =>
          ['refusalReason', 'appointmentAt', 'note', 'answers'].includes(item.field),
        ) && <ErrorNotice error={props.error} />}
      <Field label={t('cati.console.note')} error={fieldError('note')}>
        <textarea rows={2} value={note} onChange={(event) => setNote(event.target.value)} />
      </Field>
      <div className="page-actions">
        {(['no_answer', 'busy', 'wrong_number', 'ineligible'] as const).map((outcome) => (
          <button
            key={outcome}
            type="button"
            className="button-secondary"
            disabled={props.busy}
            onClick={() => send({ outcome })}
          >
            {t(`cati.outcomes.${outcome}`)}
          </button>
        ))}
      </div>

      <h3>{t('cati.outcomes.appointment')}</h3>
      <div className="field-row">
        <Field label={t('cati.console.appointmentAt')} required error={fieldError('appointmentAt')}>
          <input
            type="datetime-local"
            value={appointmentAt}
            onChange={(event) => setAppointmentAt(event.target.value)}
          />
        </Field>
      </div>
      <button
        type="button"
        className="button-secondary"
        disabled={props.busy}
        onClick={() =>
          send({
            outcome: 'appointment',
            // Riga time, whatever zone the browser is in.
            ...(appointmentAt
              ? { appointmentAt: rigaInstantOfLocal(appointmentAt)?.toISOString() ?? appointmentAt }
              : {}),
          })
        }
      >
        {t('cati.console.setAppointment')}
      </button>

      <h3>{t('cati.console.refusal')}</h3>
      <Field label={t('cati.console.reason')} required error={fieldError('refusalReason')}>
        <select
          value={reason}
          onChange={(event) => setReason(event.target.value as RefusalReason | '')}
        >
          <option value="">{t('cati.console.chooseReason')}</option>
          {REFUSAL_REASONS.map((item) => (
            <option key={item} value={item}>
              {t(`cati.reasons.${item}`)}
            </option>
          ))}
        </select>
      </Field>
      <div className="page-actions">
        <button
          type="button"
          className="button-secondary"
          disabled={props.busy}
          onClick={() => refusal('soft_refusal')}
        >
          {t('cati.outcomes.soft_refusal')}
        </button>
        <button
          type="button"
          className="button-danger"
          disabled={props.busy}
          onClick={() => refusal('hard_refusal')}
        >
          {t('cati.outcomes.hard_refusal')}
        </button>
      </div>

      <h3>{t('cati.outcomes.complete')}</h3>
      <p className="field-hint">{t('cati.console.completeHint')}</p>
      {fieldError('answers') && (
        <div className="field-error" role="alert">
          {fieldError('answers')}
        </div>
      )}
      <button
        type="button"
        className="button-primary"
        disabled={props.busy}
        onClick={() => send({ outcome: 'complete' })}
      >
        {t('cati.console.complete')}
      </button>
    </section>
  );
}
