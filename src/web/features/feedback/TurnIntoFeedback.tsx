import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TFeedbackKind } from '../../../contracts/feedback.contracts';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { Dialog } from '../../ui/Dialog';
import { FieldSet } from '../../ui/Field';
import { FormActions, FormError } from '../../ui/FormParts';
import { useServerForm } from '../../ui/server-form';
import { KINDS } from './feedback-choices';
import { useReloadFeedback, type FeedbackItem } from './feedback-queries';

/**
 * A letter that turns out to be praise, a complaint or a suggestion goes into the feedback
 * registry with its text and the client's contact details; the answer then threads into the same
 * conversation. Only for requests that came by email or e-address.
 */
export function TurnIntoFeedback(props: { requestId: string; channel: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [open, setOpen] = useState(false);
  if (!can('feedback.register') || !['email', 'e_address'].includes(props.channel)) return null;
  return (
    <>
      <button type="button" className="button-secondary" onClick={() => setOpen(true)}>
        {t('feedback.fromRequest.button')}
      </button>
      <Dialog title={t('feedback.fromRequest.title')} open={open} onClose={() => setOpen(false)}>
        <FromRequestForm requestId={props.requestId} onCancel={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function FromRequestForm(props: { requestId: string; onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reload = useReloadFeedback();
  const { form, errors, formError, busy, onSubmit } = useServerForm<
    { kind: TFeedbackKind },
    FeedbackItem
  >({
    defaultValues: { kind: 'complaint' },
    fields: ['kind'],
    send: (values) => api.post('/feedback/from-request', { ...values, requestId: props.requestId }),
    onSaved: async (item) => {
      await reload();
      await navigate(`/quality/feedback/${item.id}`, {
        state: { notice: t('feedback.form.saved') },
      });
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <p className="muted">{t('feedback.fromRequest.intro')}</p>
      <FormError message={formError} />
      <FieldSet legend={t('feedback.kind')} error={errors.kind?.message}>
        <div className="check-list">
          {KINDS.map((kind) => (
            <div key={kind} className="check-row">
              <input
                id={`from-request-kind-${kind}`}
                type="radio"
                value={kind}
                {...form.register('kind')}
              />
              <label htmlFor={`from-request-kind-${kind}`}>{t(`feedback.kinds.${kind}`)}</label>
            </div>
          ))}
        </div>
      </FieldSet>
      <FormActions
        busy={busy}
        onCancel={props.onCancel}
        submitLabel={t('feedback.fromRequest.submit')}
      />
    </form>
  );
}
