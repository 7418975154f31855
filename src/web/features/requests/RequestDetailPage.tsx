import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isOpen } from '../../../domain/requests';
import { useRequest } from '../../api/cases';
import { useSession } from '../../app/session';
import { Dialog } from '../../ui/Dialog';
import { formatDateTime, fullName } from '../../ui/format';
import { ErrorNotice, Loading, SuccessNotice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { ActionError } from '../../ui/server-form';
import { CommitmentText, KeepButton, useKeepCommitment } from './CommitmentsPanel';
import { ClientName, DueDate, StateBadge } from './RequestParts';
import { CommitmentForm, ExtensionForm, NoteForm, ReferralForm, StateForm } from './RequestForms';
import { ReplyComposer } from './ReplyComposer';
import { Attachments, Links, OutgoingMessages } from './RequestRelated';
import { RequestTimeline } from './RequestTimeline';
import { ReceivedMail } from '../mail/ReceivedMail';
import { RequestVoicemail } from '../phone/CallLog';
import { TurnIntoFeedback } from '../feedback/TurnIntoFeedback';

type DialogName = 'state' | 'referral' | 'extension' | 'commitment';

/** One request: its facts, what can be done with it, and everything that happened to it. */
export function RequestDetailPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { id = '' } = useParams();
  const request = useRequest(id);
  const [dialog, setDialog] = useState<DialogName | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const keep = useKeepCommitment();
  if (request.isPending) return <Loading />;
  // A request referred out of one's own units is no longer one's to see: say the referral went.
  if (request.isError && message === t('request.referred'))
    return (
      <>
        <SuccessNotice>{t('request.referredAway')}</SuccessNotice>
        <p>
          <Link to="/requests">{t('request.backToList')}</Link>
        </p>
      </>
    );
  if (request.isError)
    return <ErrorNotice error={request.error} onRetry={() => void request.refetch()} />;
  const shown = request.data;
  const mayWork = can('requests.work');
  const close = () => setDialog(null);
  const done = (text: string) => () => {
    setDialog(null);
    setMessage(text);
  };
  const formProps = { request: shown, onCancel: close };
  const open = (name: DialogName, label: string) => (
    <button type="button" className="button-secondary" onClick={() => setDialog(name)}>
      {label}
    </button>
  );

  return (
    <>
      <PageHeader
        title={t('request.title', { number: shown.number })}
        intro={shown.service}
        actions={
          mayWork && (
            <>
              {shown.nextStates.length > 0 && open('state', t('request.changeState'))}
              {isOpen(shown.state) && open('referral', t('request.refer'))}
              {isOpen(shown.state) && open('extension', t('request.extend'))}
              <TurnIntoFeedback requestId={shown.id} channel={shown.channel} />
            </>
          )
        }
      />
      {message && <SuccessNotice>{message}</SuccessNotice>}
      <dl className="facts">
        <dt>{t('cases.state')}</dt>
        <dd>
          <StateBadge state={shown.state} />
        </dd>
        <dt>{t('cases.due')}</dt>
        <dd>
          <DueDate request={shown} />
        </dd>
        <dt>{t('cases.client')}</dt>
        <dd>
          <ClientName client={shown.client} link />
        </dd>
        <dt>{t('cases.owner')}</dt>
        <dd>{shown.owner ? fullName(shown.owner) : t('cases.noOwner')}</dd>
        <dt>{t('cases.unit')}</dt>
        <dd>{shown.unit.name}</dd>
        <dt>{t('reception.kind')}</dt>
        <dd>{t(`cases.kinds.${shown.kind}`)}</dd>
        <dt>{t('reception.channel')}</dt>
        <dd>{t(`deadlines.channels.${shown.channel}`)}</dd>
        <dt>{t('request.received')}</dt>
        <dd>
          {formatDateTime(shown.receivedAt)} ·{' '}
          <Link to={`/contacts/${shown.contactId}`}>{t('request.openContact')}</Link>
        </dd>
      </dl>

      <div className="sections">
        {shown.channel === 'voicemail' && <RequestVoicemail requestId={shown.id} />}

        <section aria-labelledby="request-commitments" className="panel panel-wide">
          <h2 id="request-commitments">{t('request.commitments')}</h2>
          <ActionError error={keep.error} />
          {shown.commitments.length === 0 ? (
            <p className="muted">{t('request.noCommitments')}</p>
          ) : (
            <ul className="plain-list">
              {shown.commitments.map((commitment) => (
                <li key={commitment.id}>
                  <div>
                    <CommitmentText commitment={commitment} />
                    <div className="muted">{fullName(commitment.keeper)}</div>
                  </div>
                  {mayWork && !commitment.keptAt && (
                    <KeepButton commitment={commitment} keep={keep} />
                  )}
                </li>
              ))}
            </ul>
          )}
          {mayWork && open('commitment', t('commitments.add'))}
        </section>

        {mayWork && shown.state !== 'closed' && (
          <ReplyComposer request={shown} onSent={() => setMessage(t('reply.sent'))} />
        )}

        {(shown.channel === 'email' || shown.channel === 'e_address') && (
          <section aria-labelledby="request-mail" className="panel panel-wide">
            <h2 id="request-mail">{t('mail.receivedTitle')}</h2>
            <ReceivedMail requestId={shown.id} />
          </section>
        )}

        <section aria-labelledby="request-messages" className="panel panel-wide">
          <h2 id="request-messages">{t('request.messages')}</h2>
          <OutgoingMessages request={shown} editable={mayWork} />
        </section>

        <section aria-labelledby="request-attachments" className="panel panel-wide">
          <h2 id="request-attachments">{t('request.attachments')}</h2>
          <Attachments request={shown} editable={mayWork} />
        </section>

        <section aria-labelledby="request-links" className="panel panel-wide">
          <h2 id="request-links">{t('request.links')}</h2>
          <Links request={shown} editable={mayWork} />
        </section>

        <section aria-labelledby="request-timeline" className="panel panel-wide">
          <h2 id="request-timeline">{t('request.timeline')}</h2>
          <RequestTimeline request={shown} />
          {mayWork && <NoteForm request={shown} />}
        </section>
      </div>

      <Dialog title={t('request.changeState')} open={dialog === 'state'} onClose={close}>
        <StateForm {...formProps} onDone={done(t('request.stateChanged'))} />
      </Dialog>
      <Dialog title={t('request.refer')} open={dialog === 'referral'} onClose={close}>
        <ReferralForm {...formProps} onDone={done(t('request.referred'))} />
      </Dialog>
      <Dialog title={t('request.extend')} open={dialog === 'extension'} onClose={close}>
        <ExtensionForm {...formProps} onDone={done(t('request.extended'))} />
      </Dialog>
      <Dialog title={t('commitments.add')} open={dialog === 'commitment'} onClose={close}>
        <CommitmentForm {...formProps} onDone={done(t('commitments.added'))} />
      </Dialog>
    </>
  );
}
