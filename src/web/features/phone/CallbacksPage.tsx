import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ATTEMPT_OUTCOMES } from '../../../domain/calls';
import type {
  TCallback,
  TCallbackAttemptBody,
  TCloseCallbackBody,
} from '../../../contracts/telephony.contracts';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { Dialog } from '../../ui/Dialog';
import { Field, FieldSet } from '../../ui/Field';
import { ChoiceFilter } from '../../ui/Filters';
import { FormActions, FormError } from '../../ui/FormParts';
import { formatDateTime, fullName } from '../../ui/format';
import { useListDialog } from '../../ui/list-dialog';
import { useListParams } from '../../ui/list-params';
import { SuccessNotice } from '../../ui/Notice';
import { PagedList } from '../../ui/PagedList';
import { PageHeader } from '../../ui/PageHeader';
import { ActionError, useAction, useServerForm } from '../../ui/server-form';
import { UnitFilter } from '../../ui/UnitFilter';
import { NumberLink } from './NumberLink';
import { phoneContactHref, recordingUrl, telHref } from './phone-links';

const DEFAULTS = { unitId: '', state: 'owed', mine: 'false' };
const STATES = ['owed', 'open', 'claimed', 'closed'] as const;
const PAGE_SIZE = 20;

/** Every view of callbacks and calls reloads after a change to one. */
function useReloadPhone() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['callbacks'] }),
      queryClient.invalidateQueries({ queryKey: ['calls'] }),
    ]);
}

type Subject = { kind: 'attempt' | 'close'; callback: TCallback };

/**
 * The unit's owed callbacks (clause 15.1): missed calls and voicemail, each due by the callback
 * policy; one clerk claims it so that two never ring the same resident, rings back, records each
 * try, and closes it.
 */
export function CallbacksPage() {
  const { t } = useTranslation();
  const { values, page, update } = useListParams(DEFAULTS);
  const dialog = useListDialog<Subject>();
  const reload = useReloadPhone();
  const list = useQuery({
    queryKey: ['callbacks', values, page],
    queryFn: () => api.get('/callbacks', { ...values, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const claim = useAction({
    run: (callback: TCallback) => api.post(`/callbacks/${callback.id}/claim`),
    onDone: reload,
  });
  const release = useAction({
    run: (callback: TCallback) => api.post(`/callbacks/${callback.id}/release`),
    onDone: reload,
  });
  const subject = dialog.subject;
  return (
    <>
      <PageHeader title={t('phone.callbacks.title')} intro={t('phone.callbacks.intro')} />
      {dialog.notice && <SuccessNotice>{dialog.notice}</SuccessNotice>}
      <ActionError error={claim.error ?? release.error} />
      <div className="filters">
        <UnitFilter
          id="callbacks-unit"
          label={t('phone.unit')}
          value={values.unitId}
          emptyLabel={t('phone.myUnits')}
          onChange={(unitId) => update({ unitId })}
        />
        <ChoiceFilter
          id="callbacks-state"
          label={t('phone.callbacks.state')}
          value={values.state}
          allLabel={t('phone.callbacks.states.owed')}
          options={STATES.filter((state) => state !== 'owed').map((state) => ({
            value: state,
            label: t(`phone.callbacks.states.${state}`),
          }))}
          onChange={(state) => update({ state: state || 'owed' })}
        />
        <div className="field field-check">
          <input
            id="callbacks-mine"
            type="checkbox"
            checked={values.mine === 'true'}
            onChange={(event) => update({ mine: String(event.target.checked) })}
          />
          <label htmlFor="callbacks-mine">{t('phone.callbacks.mine')}</label>
        </div>
      </div>
      <PagedList
        query={list}
        emptyTitle={t('phone.callbacks.empty')}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(next) => update({ page: String(next) })}
        renderRows={(callbacks) => (
          <ul className="callback-list">
            {callbacks.map((callback) => (
              <CallbackCard
                key={callback.id}
                callback={callback}
                busy={claim.isPending || release.isPending}
                onClaim={() => claim.mutate(callback)}
                onRelease={() => release.mutate(callback)}
                onAttempt={() => dialog.open({ kind: 'attempt', callback })}
                onClose={() => dialog.open({ kind: 'close', callback })}
              />
            ))}
          </ul>
        )}
      />
      <Dialog
        title={
          subject?.kind === 'close' ? t('phone.callbacks.close') : t('phone.callbacks.attempt')
        }
        open={subject !== null}
        onClose={dialog.close}
      >
        {subject?.kind === 'attempt' && (
          <AttemptForm
            callback={subject.callback}
            onCancel={dialog.close}
            onSaved={async () => {
              await reload();
              dialog.done(t('phone.callbacks.attemptRecorded'));
            }}
          />
        )}
        {subject?.kind === 'close' && (
          <CloseForm
            callback={subject.callback}
            onCancel={dialog.close}
            onSaved={async () => {
              await reload();
              dialog.done(t('phone.callbacks.closed'));
            }}
            onConflict={reload}
          />
        )}
      </Dialog>
    </>
  );
}

/** One callback: whom to ring and by when, who has it, the tries so far, and what one can do. */
function CallbackCard(props: {
  callback: TCallback;
  busy: boolean;
  onClaim: () => void;
  onRelease: () => void;
  onAttempt: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { me } = useSession();
  const { callback } = props;
  const mine = callback.claimedBy?.id === me.id;
  const open = callback.state !== 'closed';
  const headingId = `callback-${callback.id}`;
  return (
    <li className="callback-card" aria-labelledby={headingId}>
      <div className="callback-head">
        <h2 id={headingId}>
          <NumberLink number={callback.number} />
        </h2>
        <span className="badge">{t(`phone.callbacks.kinds.${callback.kind}`)}</span>
        {open && callback.overdue && (
          <span className="badge badge-danger">{t('phone.callbacks.overdue')}</span>
        )}
        {callback.closing && (
          <span className="badge badge-ok">
            {t(`phone.callbacks.closings.${callback.closing}`)}
          </span>
        )}
      </div>
      <dl className="facts callback-facts">
        <dt>{t('phone.client')}</dt>
        <dd>
          {callback.client ? (
            <Link to={`/clients/${callback.client.id}`}>{callback.client.displayName}</Link>
          ) : (
            t('phone.unknownCaller')
          )}
        </dd>
        <dt>{t('phone.unit')}</dt>
        <dd>{callback.unit.name}</dd>
        <dt>{t('phone.callbacks.calledAt')}</dt>
        <dd>{formatDateTime(callback.calledAt)}</dd>
        <dt>{t('phone.callbacks.dueAt')}</dt>
        <dd className={open && callback.overdue ? 'callback-overdue' : undefined}>
          {formatDateTime(callback.dueAt)}
        </dd>
        <dt>{t('phone.callbacks.claimedBy')}</dt>
        <dd>
          {callback.claimedBy
            ? mine
              ? t('phone.callbacks.claimedByMe')
              : fullName(callback.claimedBy)
            : t('phone.callbacks.nobody')}
        </dd>
        {callback.requestId && (
          <>
            <dt>{t('phone.request')}</dt>
            <dd>
              <Link to={`/requests/${callback.requestId}`}>{t('phone.openRequest')}</Link>
            </dd>
          </>
        )}
      </dl>
      {callback.hasRecording && (
        <audio controls preload="none" src={recordingUrl(callback.callId)}>
          <a href={recordingUrl(callback.callId)}>{t('phone.recording')}</a>
        </audio>
      )}
      {callback.attempts.length > 0 && (
        <ol className="callback-attempts" aria-label={t('phone.callbacks.attempts')}>
          {callback.attempts.map((attempt) => (
            <li key={attempt.id}>
              {formatDateTime(attempt.at)} — {t(`phone.outcomes.${attempt.outcome}`)}
              {attempt.staff && <> ({fullName(attempt.staff)})</>}
              {attempt.note && <span className="muted">: {attempt.note}</span>}
            </li>
          ))}
        </ol>
      )}
      {open && (
        <p className="muted">
          {t('phone.callbacks.attemptsLeft', {
            done: callback.attempts.length,
            max: callback.maxAttempts,
          })}
        </p>
      )}
      <div className="form-actions">
        {callback.state === 'open' && (
          <button
            type="button"
            className="button-primary"
            disabled={props.busy}
            onClick={props.onClaim}
          >
            {t('phone.callbacks.claim')}
          </button>
        )}
        {open && mine && (
          <>
            {callback.number && (
              <a className="button-primary" href={telHref(callback.number)}>
                {t('phone.callbacks.ringBack')}
              </a>
            )}
            <button type="button" className="button-secondary" onClick={props.onAttempt}>
              {t('phone.callbacks.attempt')}
            </button>
            <button
              type="button"
              className="button-secondary"
              disabled={props.busy}
              onClick={props.onRelease}
            >
              {t('phone.callbacks.release')}
            </button>
          </>
        )}
        {/* The call back reached the resident, or they rang again: what was said is a contact. */}
        <Link
          className="button-secondary"
          to={phoneContactHref({
            callId: callback.callId,
            number: callback.number,
            clientId: callback.client?.id ?? null,
          })}
        >
          {t('phone.logCall')}
        </Link>
        {open && (
          <button type="button" className="button-link" onClick={props.onClose}>
            {t('phone.callbacks.close')}
          </button>
        )}
      </div>
    </li>
  );
}

interface AttemptValues {
  outcome: TCallbackAttemptBody['outcome'];
  note: string;
}

function AttemptForm(props: { callback: TCallback; onSaved: () => unknown; onCancel: () => void }) {
  const { t } = useTranslation();
  const { form, errors, formError, busy, onSubmit } = useServerForm<AttemptValues>({
    defaultValues: { outcome: 'reached', note: '' },
    fields: ['outcome', 'note'],
    send: (values) =>
      api.post(`/callbacks/${props.callback.id}/attempts`, {
        outcome: values.outcome,
        note: values.note,
      }),
    onSaved: props.onSaved,
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <FieldSet legend={t('phone.callbacks.outcome')} error={errors.outcome?.message}>
        <div className="check-list">
          {ATTEMPT_OUTCOMES.map((outcome) => (
            <div key={outcome} className="check-row">
              <input
                id={`attempt-outcome-${outcome}`}
                type="radio"
                value={outcome}
                {...form.register('outcome')}
              />
              <label htmlFor={`attempt-outcome-${outcome}`}>{t(`phone.outcomes.${outcome}`)}</label>
            </div>
          ))}
        </div>
      </FieldSet>
      <Field label={t('phone.callbacks.note')} error={errors.note?.message}>
        <textarea rows={2} {...form.register('note')} />
      </Field>
      <FormActions busy={busy} onCancel={props.onCancel} submitLabel={t('common.save')} />
    </form>
  );
}

function CloseForm(props: {
  callback: TCallback;
  onSaved: () => unknown;
  onCancel: () => void;
  onConflict: () => unknown;
}) {
  const { t } = useTranslation();
  const { form, errors, formError, busy, onSubmit } = useServerForm<{ note: string }>({
    defaultValues: { note: '' },
    fields: ['note'],
    send: (values) =>
      api.post(`/callbacks/${props.callback.id}/close`, {
        note: values.note,
        version: props.callback.version,
      } satisfies TCloseCallbackBody),
    onSaved: props.onSaved,
    onConflict: props.onConflict,
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <p>{t('phone.callbacks.closeHint')}</p>
      <Field label={t('phone.callbacks.note')} error={errors.note?.message}>
        <textarea rows={2} {...form.register('note')} />
      </Field>
      <FormActions busy={busy} onCancel={props.onCancel} submitLabel={t('phone.callbacks.close')} />
    </form>
  );
}
