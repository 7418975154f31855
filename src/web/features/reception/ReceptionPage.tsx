import { useState } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { TClientSummary } from '../../../contracts/clients.contracts';
import type { TContact } from '../../../contracts/contacts.contracts';
import { useClient, useReloadCases } from '../../api/cases';
import { useAllUnits } from '../../api/lookups';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { ChannelOptions } from '../../ui/ChannelOptions';
import { Field, FieldSet } from '../../ui/Field';
import { FormError } from '../../ui/FormParts';
import { ErrorNotice, Loading, SuccessNotice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { useServerForm } from '../../ui/server-form';
import { UnitOptions } from '../../ui/UnitFilter';
import { ClientFields } from '../clients/ClientFields';
import { ClientSearch, clientDetails } from '../clients/ClientSearch';
import {
  CLIENT_MODES,
  contactBodyOf,
  emptyReception,
  phoneReception,
  RECEPTION_FIELDS,
  type ReceptionValues,
} from './reception-values';
import { ServiceRows } from './ServiceRows';

/** Who was put in the queue, where, and their place in the serving order (null if unknown). */
interface Queued {
  unitId: string;
  name: string;
  position: number | null;
}

/**
 * The place of a person just put in the queue, read from the unit's queue in serving order: an
 * external visitor may stand before colleagues who came earlier (clause 11.10).
 */
async function queuePlaceOf(contact: TContact, unitId: string, anonymous: string): Promise<Queued> {
  const name = contact.client?.displayName ?? anonymous;
  const entryId = contact.queue?.id;
  const index = entryId
    ? await api
        .get('/queue', { unitId })
        .then((queue) => queue.waiting.findIndex((entry) => entry.id === entryId))
        .catch(() => -1)
    : -1;
  return { unitId, name, position: index >= 0 ? index + 1 : null };
}

/**
 * One screen for one contact (clause 11): who came, why, and every service they ask for; then
 * serve them now or put them in the queue. Opened from a call ("log the call"), it is preset for
 * a phone contact with the caller, and the contact is tied to the call once made.
 */
export function ReceptionPage() {
  const [search] = useSearchParams();
  const callId = search.get('callId');
  const clientId = search.get('clientId');
  const number = search.get('number') ?? '';
  if (!callId) return <ReceptionForm call={null} />;
  if (clientId) return <KnownCaller callId={callId} clientId={clientId} number={number} />;
  return <ReceptionForm call={{ id: callId, number, client: null }} />;
}

/** A call from a known client: the form waits for their record to preset it. */
function KnownCaller(props: { callId: string; clientId: string; number: string }) {
  const client = useClient(props.clientId);
  if (client.isPending) return <Loading />;
  if (client.isError) return <ErrorNotice error={client.error} />;
  return <ReceptionForm call={{ id: props.callId, number: props.number, client: client.data }} />;
}

/** The call a phone contact is logged for: its id, the caller's number and client if known. */
interface LoggedCall {
  id: string;
  number: string;
  client: TClientSummary | null;
}

function ReceptionForm(props: { call: LoggedCall | null }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const reload = useReloadCases();
  const ownUnit = me.units[0]?.id ?? '';
  const { call } = props;
  const [queued, setQueued] = useState<Queued | null>(null);
  const { form, errors, formError, busy, onSubmit } = useServerForm<ReceptionValues, TContact>({
    defaultValues: call ? phoneReception(ownUnit, call) : emptyReception(ownUnit),
    fields: RECEPTION_FIELDS,
    send: (values) => api.post('/contacts', contactBodyOf(values)),
    onSaved: async (contact, values) => {
      if (call) await api.post(`/telephony/calls/${call.id}/contact`, { contactId: contact.id });
      await reload();
      if (!values.queue) {
        await navigate(`/contacts/${contact.id}`);
        return;
      }
      setQueued(await queuePlaceOf(contact, values.unitId, t('cases.anonymous')));
      form.reset(emptyReception(values.unitId));
    },
  });
  const [clientMode, unitId] = useWatch({ control: form.control, name: ['clientMode', 'unitId'] });
  // The unit selects show the clerk's unit only once the units are there to choose from.
  const units = useAllUnits();
  if (units.isPending) return <Loading />;

  return (
    <>
      <PageHeader
        title={call ? t('phone.logCallTitle', { number: call.number }) : t('reception.title')}
        intro={call ? t('phone.logCallIntro') : t('reception.intro')}
      />
      {queued && (
        <SuccessNotice>
          {queued.position === null
            ? t('reception.queuedNamed', { name: queued.name })
            : t('reception.queuedAt', { name: queued.name, position: queued.position })}{' '}
          <Link to={`/queue?unitId=${queued.unitId}`}>{t('reception.openQueue')}</Link>
        </SuccessNotice>
      )}
      <form onSubmit={onSubmit} noValidate className="reception">
        <FormError message={formError} />
        <div className="field-row">
          <Field label={t('reception.channel')} required error={errors.channel?.message}>
            <select {...form.register('channel')}>
              <ChannelOptions />
            </select>
          </Field>
          <Field label={t('reception.place')} required error={errors.unitId?.message}>
            <select {...form.register('unitId')}>
              <option value="">—</option>
              <UnitOptions />
            </select>
          </Field>
        </div>

        <section aria-labelledby="reception-client" className="panel panel-wide">
          <h2 id="reception-client">{t('reception.client')}</h2>
          <FieldSet legend={t('reception.clientMode')}>
            <div className="check-list check-columns">
              {CLIENT_MODES.map((mode) => (
                <div key={mode} className="check-row">
                  <input
                    id={`client-mode-${mode}`}
                    type="radio"
                    value={mode}
                    {...form.register('clientMode')}
                  />
                  <label htmlFor={`client-mode-${mode}`}>
                    {t(`reception.clientModes.${mode}`)}
                  </label>
                </div>
              ))}
            </div>
          </FieldSet>
          {clientMode === 'existing' && (
            <Controller
              control={form.control}
              name="client"
              rules={{
                validate: (client, values) =>
                  values.clientMode !== 'existing' ||
                  client !== null ||
                  t('reception.chooseClient'),
              }}
              render={({ field }) =>
                field.value ? (
                  <p className="chosen">
                    <strong>{field.value.displayName}</strong>{' '}
                    <span className="muted">{clientDetails(field.value)}</span>{' '}
                    <button
                      type="button"
                      className="button-link"
                      onClick={() => field.onChange(null)}
                    >
                      {t('reception.otherClient')}
                    </button>
                  </p>
                ) : (
                  <ClientSearch
                    label={t('reception.findClient')}
                    onChoose={field.onChange}
                    error={errors.client?.message}
                  />
                )
              }
            />
          )}
          {(clientMode === 'person' || clientMode === 'organisation') && (
            <ClientFields
              kind={clientMode}
              register={(name) => form.register(`newClient.${name}`)}
              errors={errors.newClient}
            />
          )}
          {clientMode !== 'existing' && errors.client?.message && (
            <div className="field-error" role="alert">
              {errors.client.message}
            </div>
          )}
          <Field label={t('reception.reason')} error={errors.reason?.message}>
            <textarea rows={2} {...form.register('reason')} />
          </Field>
        </section>

        <ServiceRows form={form} unitId={unitId} />

        <div className="form-actions">
          <button
            type="submit"
            className="button-primary"
            disabled={busy}
            onClick={() => form.setValue('queue', false)}
          >
            {t('reception.serveNow')}
          </button>
          {!call && (
            <button
              type="submit"
              className="button-secondary"
              disabled={busy}
              onClick={() => form.setValue('queue', true)}
            >
              {t('reception.putInQueue')}
            </button>
          )}
        </div>
      </form>
    </>
  );
}
