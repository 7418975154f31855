import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TEscalationLevel } from '../../../contracts/feedback.contracts';
import { api } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { FormActions, FormError } from '../../ui/FormParts';
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
 * through, and passing it on or resolving it for whoever holds it now.
 */
export function EscalationPanel(props: { item: FeedbackItem; onDone: (notice: string) => void }) {
  const { t } = useTranslation();
  const { item } = props;
  const [dialog, setDialog] = useState<'escalate' | 'resolve' | null>(null);
  const { escalate, resolve } = item.abilities;
  if (item.escalations.length === 0 && !escalate) return null;
  const open = item.escalations.find((escalation) => escalation.closedAt === null) ?? null;
  const next = levelAbove(open?.level ?? null);
  const done = (notice: string) => () => {
    setDialog(null);
    props.onDone(notice);
  };
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
      {(escalate || resolve) && (
        <div className="form-actions">
          {escalate && next && (
            <button type="button" className="button-primary" onClick={() => setDialog('escalate')}>
              {t('feedback.escalation.escalateTo', { level: t(`feedback.levels.${next}`) })}
            </button>
          )}
          {resolve && open && (
            <button type="button" className="button-secondary" onClick={() => setDialog('resolve')}>
              {t('feedback.escalation.resolve')}
            </button>
          )}
        </div>
      )}
      <Dialog
        title={
          next
            ? t('feedback.escalation.escalateTo', { level: t(`feedback.levels.${next}`) })
            : t('feedback.escalation.escalate')
        }
        open={dialog === 'escalate'}
        onClose={() => setDialog(null)}
      >
        <EscalateForm
          item={item}
          onCancel={() => setDialog(null)}
          onDone={done(t('feedback.escalation.escalated'))}
        />
      </Dialog>
      <Dialog
        title={t('feedback.escalation.resolve')}
        open={dialog === 'resolve'}
        onClose={() => setDialog(null)}
      >
        <ResolveForm
          item={item}
          onCancel={() => setDialog(null)}
          onDone={done(t('feedback.escalation.resolved'))}
        />
      </Dialog>
    </section>
  );
}

interface StepProps {
  item: FeedbackItem;
  onDone: () => void;
  onCancel: () => void;
}

function EscalateForm(props: StepProps) {
  const { t } = useTranslation();
  const reload = useReloadFeedback();
  const { form, errors, formError, busy, onSubmit } = useServerForm<{ reason: string }>({
    defaultValues: { reason: '' },
    fields: ['reason'],
    send: (values) => api.post(`/feedback/${props.item.id}/escalate`, values),
    onSaved: async () => {
      await reload();
      props.onDone();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <Field label={t('feedback.escalation.reason')} required error={errors.reason?.message}>
        <textarea rows={3} {...form.register('reason')} />
      </Field>
      <FormActions
        busy={busy}
        onCancel={props.onCancel}
        submitLabel={t('feedback.escalation.escalate')}
      />
    </form>
  );
}

function ResolveForm(props: StepProps) {
  const { t } = useTranslation();
  const reload = useReloadFeedback();
  const { form, errors, formError, busy, onSubmit } = useServerForm<{ decision: string }>({
    defaultValues: { decision: '' },
    fields: ['decision'],
    send: (values) => api.post(`/feedback/${props.item.id}/resolve`, values),
    onSaved: async () => {
      await reload();
      props.onDone();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <Field label={t('feedback.escalation.decision')} required error={errors.decision?.message}>
        <textarea rows={4} {...form.register('decision')} />
      </Field>
      <FormActions
        busy={busy}
        onCancel={props.onCancel}
        submitLabel={t('feedback.escalation.resolve')}
      />
    </form>
  );
}
