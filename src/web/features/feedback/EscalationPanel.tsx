import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TEscalationLevel } from '../../../contracts/feedback.contracts';
import { api } from '../../api/client';
import { Field, FieldSet, useRequiredRule } from '../../ui/Field';
import { FormError } from '../../ui/FormParts';
import { formatDate, formatDateTime } from '../../ui/format';
import { useServerForm } from '../../ui/server-form';
import { LEVELS } from './feedback-choices';
import { useReloadFeedback, type FeedbackItem } from './feedback-queries';

/** The level above the open one (32–33); none above the Ethics commission. */
function levelAbove(level: TEscalationLevel | null): TEscalationLevel | null {
  if (level === null) return 'manager';
  return LEVELS[LEVELS.indexOf(level) + 1] ?? null;
}

/**
 * A serious breach on its way up (32–33): the level it is at and by when, every level it passed
 * through, and one form to pass it on or resolve it for whoever holds it now.
 */
export function EscalationPanel(props: { item: FeedbackItem; onDone: (notice: string) => void }) {
  const { t } = useTranslation();
  const { item } = props;
  const { escalate, resolve } = item.abilities;
  if (item.escalations.length === 0 && !escalate) return null;
  const open = item.escalations.find((escalation) => escalation.closedAt === null) ?? null;
  const next = levelAbove(open?.level ?? null);
  return (
    <section aria-labelledby="feedback-escalation" className="panel panel-wide">
      <h2 id="feedback-escalation">{t('feedback.escalation.title')}</h2>
      <p className="muted">{t('feedback.escalation.intro')}</p>
      <dl className="facts">
        <dt>{t('feedback.escalation.current')}</dt>
        <dd>{open ? t(`feedback.levels.${open.level}`) : t('feedback.escalation.none')}</dd>
        {open && (
          <>
            <dt>{t('feedback.escalation.due')}</dt>
            <dd className={open.overdue ? 'urgent' : undefined}>
              {formatDateTime(open.dueAt)}
              {open.overdue && <> ({t('feedback.overdue')})</>}
            </dd>
          </>
        )}
      </dl>
      {item.escalations.length > 0 && (
        <>
          <h3>{t('feedback.escalation.history')}</h3>
          <ol className="timeline">
            {item.escalations.map((escalation) => (
              <li key={escalation.id}>
                <strong>{t(`feedback.levels.${escalation.level}`)}</strong>
                {escalation.unit && <> · {escalation.unit.name}</>}
                <div className="muted">
                  {t('feedback.escalation.opened')} {formatDateTime(escalation.openedAt)}
                  {escalation.openedBy
                    ? ` (${t('feedback.escalation.openedBy')} ${escalation.openedBy.name})`
                    : ` (${t('feedback.escalation.automatic')})`}
                  {' · '}
                  {t('feedback.escalation.due')} {formatDate(escalation.dueOn)}
                  {' · '}
                  {escalation.closedAt ? (
                    <>
                      {t('feedback.escalation.closed')} {formatDateTime(escalation.closedAt)}
                      {escalation.closedBy && ` (${escalation.closedBy.name})`}
                    </>
                  ) : (
                    <span className={escalation.overdue ? 'urgent' : undefined}>
                      {t('feedback.escalation.stillOpen')}
                      {escalation.overdue && `, ${t('feedback.overdue')}`}
                    </span>
                  )}
                </div>
                {escalation.outcome && (
                  <div>
                    {t('feedback.escalation.outcome')}:{' '}
                    {t(`feedback.outcomes.${escalation.outcome}`)}
                  </div>
                )}
                {escalation.reason && (
                  <div className="timeline-text">
                    {t('feedback.escalation.reason')}: {escalation.reason}
                  </div>
                )}
                {escalation.decision && (
                  <div className="timeline-text">
                    {t('feedback.escalation.decision')}: {escalation.decision}
                  </div>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      {((escalate && next) || (resolve && open)) && (
        <StepForm
          key={`${open?.id ?? 'none'}-${next ?? 'top'}`}
          item={item}
          next={escalate ? next : null}
          resolvable={resolve && open !== null}
          onDone={props.onDone}
        />
      )}
    </section>
  );
}

type Step = 'escalate' | 'resolve';

interface StepValues {
  step: Step;
  text: string;
}

/**
 * Passing the complaint on or resolving it, in one form: the step is chosen, then its reason
 * (passing on) or decision (resolving) written. The level passed to is always the next one.
 */
function StepForm(props: {
  item: FeedbackItem;
  next: TEscalationLevel | null;
  resolvable: boolean;
  onDone: (notice: string) => void;
}) {
  const { t } = useTranslation();
  const reload = useReloadFeedback();
  const required = useRequiredRule();
  const { item, next } = props;
  const steps: Step[] = [
    ...(next ? ['escalate' as const] : []),
    ...(props.resolvable ? ['resolve' as const] : []),
  ];
  const { form, errors, formError, busy, onSubmit } = useServerForm<StepValues>({
    defaultValues: { step: steps[0] ?? 'escalate', text: '' },
    // Both steps' text is the one field of this form.
    fields: { reason: 'text', decision: 'text' },
    send: (values) =>
      values.step === 'escalate'
        ? api.post(`/feedback/${item.id}/escalate`, { reason: values.text })
        : api.post(`/feedback/${item.id}/resolve`, { decision: values.text }),
    onSaved: async (_, values) => {
      await reload();
      props.onDone(
        values.step === 'escalate'
          ? t('feedback.escalation.escalated')
          : t('feedback.escalation.resolved'),
      );
    },
  });
  const step = useWatch({ control: form.control, name: 'step' });
  const stepLabel = (choice: Step) =>
    choice === 'escalate' && next
      ? t('feedback.escalation.escalateTo', { level: t(`feedback.levels.${next}`) })
      : t('feedback.escalation.markResolved');
  const textLabel =
    step === 'escalate' ? t('feedback.escalation.reason') : t('feedback.escalation.decision');
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <FieldSet legend={t('feedback.escalation.step')} error={errors.step?.message}>
        <div className="check-list">
          {steps.map((choice) => (
            <div key={choice} className="check-row">
              <input
                id={`escalation-step-${choice}`}
                type="radio"
                value={choice}
                {...form.register('step')}
              />
              <label htmlFor={`escalation-step-${choice}`}>{stepLabel(choice)}</label>
            </div>
          ))}
        </div>
      </FieldSet>
      <Field label={textLabel} required error={errors.text?.message}>
        <textarea rows={3} {...form.register('text', required(textLabel))} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {stepLabel(step)}
        </button>
      </div>
    </form>
  );
}
