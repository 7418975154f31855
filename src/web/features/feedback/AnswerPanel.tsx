import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { Field, useRequiredRule } from '../../ui/Field';
import { FormError } from '../../ui/FormParts';
import { formatDateTime } from '../../ui/format';
import { useServerForm } from '../../ui/server-form';
import { useReloadFeedback, type FeedbackItem } from './feedback-queries';

/**
 * The answer to the client (26): with an email it leaves as a letter through the outbox, in a
 * request of its own that the page links to; with only a phone number it is the note of what was
 * said. Without contact details no answer is due.
 */
export function AnswerPanel(props: { item: FeedbackItem; onSent: (notice: string) => void }) {
  const { t } = useTranslation();
  const { item } = props;
  const hasContact = Boolean(item.email || item.phone);
  if (item.view === 'outline' || (!item.abilities.answer && !item.answeredAt)) return null;
  return (
    <section aria-labelledby="feedback-answer" className="panel panel-wide">
      <h2 id="feedback-answer">{t('feedback.answer.title')}</h2>
      {item.answeredAt && (
        <dl className="facts">
          <dt>{t('feedback.answer.answeredAt')}</dt>
          <dd>
            {formatDateTime(item.answeredAt)}
            {item.answerChannel && <> · {t(`deadlines.channels.${item.answerChannel}`)}</>}
          </dd>
          {item.answerRequest && (
            <>
              <dt>{t('feedback.answer.openRequest')}</dt>
              <dd>
                <Link to={`/requests/${item.answerRequest.id}`}>{item.answerRequest.number}</Link>
              </dd>
            </>
          )}
        </dl>
      )}
      {!hasContact && <p className="muted">{t('feedback.answer.noContact')}</p>}
      {item.abilities.answer && hasContact && <AnswerForm item={item} onSent={props.onSent} />}
    </section>
  );
}

function AnswerForm(props: { item: FeedbackItem; onSent: (notice: string) => void }) {
  const { t } = useTranslation();
  const { item } = props;
  const reload = useReloadFeedback();
  const required = useRequiredRule();
  const { form, errors, formError, busy, onSubmit } = useServerForm<{ body: string }>({
    defaultValues: { body: '' },
    fields: ['body'],
    send: (values) => api.post(`/feedback/${item.id}/answer`, { ...values, version: item.version }),
    onSaved: async () => {
      await reload();
      props.onSent(t('feedback.answer.sent'));
    },
    onConflict: reload,
    resetOnSave: true,
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <Field
        label={t('feedback.answer.body')}
        required
        hint={
          item.email
            ? t('feedback.answer.hintEmail', { email: item.email })
            : t('feedback.answer.hintPhone', { phone: item.phone ?? '' })
        }
        error={errors.body?.message}
      >
        <textarea rows={8} {...form.register('body', required(t('feedback.answer.body')))} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {t('feedback.answer.send')}
        </button>
      </div>
    </form>
  );
}
