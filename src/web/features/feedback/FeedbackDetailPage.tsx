import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../../api/client';
import { formatDateTime, formatSize } from '../../ui/format';
import { ErrorNotice, Loading, SuccessNotice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { PersonSelect } from '../../ui/PersonSelect';
import { ActionError, useAction } from '../../ui/server-form';
import { AnswerPanel } from './AnswerPanel';
import { EscalationPanel } from './EscalationPanel';
import { EvaluationPanel } from './EvaluationPanel';
import {
  attachmentHref,
  useFeedbackItem,
  useReloadFeedback,
  type FeedbackItem,
} from './feedback-queries';
import { AnswerDue, FeedbackStateBadge, KindBadge } from './FeedbackParts';

/** The kind's word begins the page's title. */
const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** A notice handed over by the page that sent the viewer here (the registration form). */
function noticeOf(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('notice' in state)) return null;
  return typeof state.notice === 'string' ? state.notice : null;
}

/**
 * One item of feedback as the server lets the viewer see it: its text and contact details, the
 * evaluation, the answer and the escalation, each with what the viewer may do there.
 */
export function FeedbackDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const query = useFeedbackItem(id);
  const reload = useReloadFeedback();
  const [notice, setNotice] = useState<string | null>(noticeOf(location.state));
  const close = useAction({
    run: (item: FeedbackItem) => api.post(`/feedback/${item.id}/close`, { version: item.version }),
    onDone: reload,
    onSuccess: () => setNotice(t('feedback.close.done')),
  });
  if (query.isPending) return <Loading />;
  if (query.isError)
    return (
      <>
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
        <p>
          <Link to="/quality/feedback">{t('feedback.item.backToList')}</Link>
        </p>
      </>
    );
  const item = query.data;
  return (
    <>
      <PageHeader
        title={t('feedback.item.title', {
          kind: capitalised(t(`feedback.kinds.${item.kind}`)),
          reference: item.reference,
        })}
        actions={
          item.abilities.close && (
            <button
              type="button"
              className="button-secondary"
              disabled={close.isPending}
              onClick={() => close.mutate(item)}
            >
              {t('feedback.close.button')}
            </button>
          )
        }
      />
      {notice && <SuccessNotice>{notice}</SuccessNotice>}
      <ActionError error={close.error} />
      <dl className="facts">
        <dt>{t('feedback.kind')}</dt>
        <dd>
          <KindBadge kind={item.kind} />
        </dd>
        <dt>{t('feedback.state')}</dt>
        <dd>
          <FeedbackStateBadge state={item.state} />
        </dd>
        <dt>{t('feedback.received')}</dt>
        <dd>
          {formatDateTime(item.receivedAt)} · {t(`deadlines.channels.${item.channel}`)}
        </dd>
        <dt>{t('feedback.unit')}</dt>
        <dd>{item.unit.name}</dd>
        {item.view === 'full' && (
          <>
            <dt>{t('feedback.staff')}</dt>
            <dd>{item.staff ? item.staff.name : t('feedback.noStaff')}</dd>
            <dt>{t('feedback.answerDue')}</dt>
            <dd>
              <AnswerDue item={item} />
            </dd>
            <dt>{t('feedback.item.evaluator')}</dt>
            <dd>{item.evaluator ? item.evaluator.name : t('feedback.item.noEvaluator')}</dd>
          </>
        )}
        {item.registeredBy && (
          <>
            <dt>{t('feedback.item.registeredBy')}</dt>
            <dd>{item.registeredBy.name}</dd>
          </>
        )}
        {item.sourceRequest && (
          <>
            <dt>{t('feedback.item.source')}</dt>
            <dd>
              <Link to={`/requests/${item.sourceRequest.id}`}>{item.sourceRequest.number}</Link>
            </dd>
          </>
        )}
      </dl>

      <div className="sections">
        {item.text !== null && (
          <section aria-labelledby="feedback-text" className="panel panel-wide">
            <h2 id="feedback-text">{t('feedback.item.text')}</h2>
            <p className="text-block">{item.text}</p>
          </section>
        )}
        {item.view === 'full' && <ContactPanel item={item} />}
        {item.attachments.length > 0 && (
          <section aria-labelledby="feedback-attachments" className="panel panel-wide">
            <h2 id="feedback-attachments">{t('feedback.item.attachments')}</h2>
            <ul className="plain-list">
              {item.attachments.map((file) => (
                <li key={file.id}>
                  <a href={attachmentHref(item.id, file.id)} download>
                    {file.filename}
                  </a>{' '}
                  <span className="muted">{formatSize(file.size)}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
        <EvaluationPanel key={item.version} item={item} onSaved={setNotice} />
        {item.abilities.delegate && <DelegatePanel item={item} onSaved={setNotice} />}
        <AnswerPanel item={item} onSent={setNotice} />
        {item.kind === 'complaint' && <EscalationPanel item={item} onDone={setNotice} />}
      </div>
    </>
  );
}

function ContactPanel(props: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const { item } = props;
  const given = item.name || item.email || item.phone || item.clientId;
  return (
    <section aria-labelledby="feedback-contact" className="panel panel-wide">
      <h2 id="feedback-contact">{t('feedback.item.contact')}</h2>
      {given ? (
        <dl className="facts">
          {item.name && (
            <>
              <dt>{t('feedback.form.name')}</dt>
              <dd>{item.name}</dd>
            </>
          )}
          {item.email && (
            <>
              <dt>{t('feedback.form.email')}</dt>
              <dd>
                <a href={`mailto:${item.email}`}>{item.email}</a>
              </dd>
            </>
          )}
          {item.phone && (
            <>
              <dt>{t('feedback.form.phone')}</dt>
              <dd>{item.phone}</dd>
            </>
          )}
          {item.clientId && (
            <>
              <dt>{t('feedback.item.client')}</dt>
              <dd>
                <Link to={`/clients/${item.clientId}`}>{t('feedback.item.openClient')}</Link>
              </dd>
            </>
          )}
        </dl>
      ) : (
        <p className="muted">{t('feedback.item.noContact')}</p>
      )}
    </section>
  );
}

/** Hands the evaluation to a colleague (26: "or a delegate"), or takes it back. */
function DelegatePanel(props: { item: FeedbackItem; onSaved: (notice: string) => void }) {
  const { t } = useTranslation();
  const { item } = props;
  const reload = useReloadFeedback();
  const [staffId, setStaffId] = useState<string | null>(item.evaluator?.id ?? null);
  const delegate = useAction({
    run: (chosen: string | null) =>
      api.put(`/feedback/${item.id}/evaluator`, { staffId: chosen, version: item.version }),
    onDone: reload,
    onSuccess: () => props.onSaved(t('feedback.delegate.saved')),
  });
  return (
    <section aria-labelledby="feedback-delegate" className="panel panel-wide">
      <h2 id="feedback-delegate">{t('feedback.delegate.title')}</h2>
      <ActionError error={delegate.error} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          delegate.mutate(staffId);
        }}
      >
        <PersonSelect
          label={t('feedback.delegate.person')}
          value={staffId}
          onChange={setStaffId}
          allowNone
          noneLabel={t('feedback.delegate.none')}
          currentName={item.evaluator?.name}
        />
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={delegate.isPending}>
            {t('feedback.delegate.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
