import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CLIENT_KINDS } from '../../../domain/channels';
import { DEADLINE_UNITS } from '../../../domain/deadlines';
import type { TDeadlinePolicy } from '../../../contracts/calendar.contracts';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { ChannelOptions } from '../../ui/ChannelOptions';
import { DataTable, type Column } from '../../ui/DataTable';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { FormActions, FormError } from '../../ui/FormParts';
import { EmptyState, ErrorNotice, Loading, SuccessNotice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { useServerForm } from '../../ui/server-form';

interface Values {
  code: string;
  name: string;
  nameEn: string;
  channel: string;
  clientKind: string;
  caseType: string;
  count: number;
  unit: TDeadlinePolicy['unit'];
  afterHoursNextDay: boolean;
  sameDayCutoff: string;
  source: string;
  active: boolean;
}

const FIELDS = [
  'code',
  'name',
  'nameEn',
  'channel',
  'clientKind',
  'caseType',
  'count',
  'unit',
  'afterHoursNextDay',
  'sameDayCutoff',
  'source',
];

const orNull = (value: string) => (value === '' ? null : value);

/** A new policy, or changes to one; the server checks every field and names what it refuses. */
function PolicyForm(props: {
  policy: TDeadlinePolicy | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { policy } = props;
  const { form, errors, formError, busy, onSubmit } = useServerForm<Values>({
    defaultValues: {
      code: policy?.code ?? '',
      name: policy?.name ?? '',
      nameEn: policy?.nameEn ?? '',
      channel: policy?.channel ?? '',
      clientKind: policy?.clientKind ?? '',
      caseType: policy?.caseType ?? '',
      count: policy?.count ?? 3,
      unit: policy?.unit ?? 'working_days',
      afterHoursNextDay: policy?.afterHoursNextDay ?? true,
      sameDayCutoff: policy?.sameDayCutoff ?? '',
      source: policy?.source ?? '',
      active: policy?.active ?? true,
    },
    fields: FIELDS,
    send: ({ code, ...values }) => {
      const body = {
        ...values,
        // An emptied number field arrives as NaN and is sent as null: the server names it.
        count: Number.isNaN(values.count) ? null : values.count,
        channel: orNull(values.channel),
        clientKind: orNull(values.clientKind),
        caseType: orNull(values.caseType),
        sameDayCutoff: orNull(values.sameDayCutoff),
      };
      return policy
        ? api.patch(`/calendar/policies/${policy.id}`, {
            ...body,
            version: policy.version,
          })
        : api.post('/calendar/policies', { ...body, code });
    },
    onSaved: async () => {
      await queryClient.invalidateQueries({ queryKey: ['calendar'] });
      props.onSaved();
    },
  });
  const count = useWatch({ control: form.control, name: 'count' });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      {!policy && (
        <Field
          label={t('deadlines.code')}
          required
          hint={t('deadlines.codeHint')}
          error={errors.code?.message}
        >
          <input {...form.register('code')} />
        </Field>
      )}
      <Field label={t('deadlines.name')} required error={errors.name?.message}>
        <input {...form.register('name')} />
      </Field>
      <Field label={t('deadlines.nameEn')} required error={errors.nameEn?.message}>
        <input {...form.register('nameEn')} />
      </Field>
      <div className="field-row">
        <Field label={t('deadlines.channel')} error={errors.channel?.message}>
          <select {...form.register('channel')}>
            <option value="">{t('deadlines.anyChannel')}</option>
            <ChannelOptions />
          </select>
        </Field>
        <Field label={t('deadlines.clientKind')} error={errors.clientKind?.message}>
          <select {...form.register('clientKind')}>
            <option value="">{t('deadlines.anyClient')}</option>
            {CLIENT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`deadlines.clientKinds.${kind}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('deadlines.caseType')} error={errors.caseType?.message}>
          <input {...form.register('caseType')} />
        </Field>
      </div>
      <div className="field-row">
        <Field label={t('deadlines.count')} required error={errors.count?.message}>
          <input
            type="number"
            min={0}
            max={366}
            {...form.register('count', { valueAsNumber: true })}
          />
        </Field>
        <Field label={t('deadlines.unit')} required error={errors.unit?.message}>
          <select {...form.register('unit')}>
            {DEADLINE_UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {t(`deadlines.units.${unit}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="field field-check">
        <input id="policy-after-hours" type="checkbox" {...form.register('afterHoursNextDay')} />
        <label htmlFor="policy-after-hours">{t('deadlines.afterHoursNextDay')}</label>
      </div>
      {count === 0 && (
        <Field label={t('deadlines.sameDayCutoff')} error={errors.sameDayCutoff?.message}>
          <input type="time" {...form.register('sameDayCutoff')} />
        </Field>
      )}
      <Field label={t('deadlines.source')} required error={errors.source?.message}>
        <input {...form.register('source')} />
      </Field>
      <div className="field field-check">
        <input id="policy-active" type="checkbox" {...form.register('active')} />
        <label htmlFor="policy-active">{t('common.active')}</label>
      </div>
      <FormActions busy={busy} onCancel={props.onCancel} />
    </form>
  );
}

/** The deadline policies: what a reply may take; an administrator changes them with the law. */
export function DeadlinesPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const [editing, setEditing] = useState<TDeadlinePolicy | 'new' | null>(null);
  const shownName = (policy: TDeadlinePolicy) =>
    i18n.language === 'en' ? policy.nameEn : policy.name;
  const [saved, setSaved] = useState(false);
  const policies = useQuery({
    queryKey: ['calendar', 'policies'],
    queryFn: () => api.get('/calendar/policies'),
  });

  const appliesTo = (policy: TDeadlinePolicy) =>
    [
      policy.channel ? t(`deadlines.channels.${policy.channel}`) : t('deadlines.anyChannel'),
      policy.clientKind
        ? t(`deadlines.clientKinds.${policy.clientKind}`)
        : t('deadlines.anyClient'),
      policy.caseType,
    ]
      .filter(Boolean)
      .join(' · ');

  const columns: Array<Column<TDeadlinePolicy>> = [
    {
      key: 'name',
      header: t('deadlines.name'),
      render: (policy) => (
        <>
          <strong>{shownName(policy)}</strong>
          {!policy.active && <span className="badge"> {t('deadlines.inactive')}</span>}
          <div className="muted">
            <code>{policy.code}</code>
          </div>
        </>
      ),
    },
    { key: 'applies', header: t('deadlines.appliesTo'), render: appliesTo },
    {
      key: 'count',
      header: t('deadlines.count'),
      render: (policy) =>
        policy.count === 0 && policy.sameDayCutoff
          ? t('deadlines.sameDay', { time: policy.sameDayCutoff })
          : t(`deadlines.countValue_${policy.unit}`, { count: policy.count }),
    },
    { key: 'source', header: t('deadlines.source'), render: (policy) => policy.source },
    ...(can('calendar.manage')
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            className: 'cell-actions',
            render: (policy: TDeadlinePolicy) => (
              <button
                type="button"
                className="button-link"
                onClick={() => setEditing(policy)}
                aria-label={`${t('common.edit')}: ${shownName(policy)}`}
              >
                {t('common.edit')}
              </button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('deadlines.title')}
        intro={t('deadlines.intro')}
        actions={
          can('calendar.manage') && (
            <button type="button" className="button-primary" onClick={() => setEditing('new')}>
              {t('deadlines.add')}
            </button>
          )
        }
      />
      {saved && <SuccessNotice>{t('common.saved')}</SuccessNotice>}
      {policies.isPending ? (
        <Loading />
      ) : policies.isError ? (
        <ErrorNotice error={policies.error} onRetry={() => void policies.refetch()} />
      ) : policies.data.items.length === 0 ? (
        <EmptyState title={t('deadlines.title')} />
      ) : (
        <DataTable
          caption={t('deadlines.title')}
          columns={columns}
          rows={policies.data.items}
          rowKey={(policy) => policy.id}
        />
      )}
      <Dialog
        title={editing === 'new' ? t('deadlines.add') : t('deadlines.edit')}
        open={editing !== null}
        onClose={() => setEditing(null)}
      >
        {editing && (
          <PolicyForm
            policy={editing === 'new' ? null : editing}
            onSaved={() => {
              setEditing(null);
              setSaved(true);
            }}
            onCancel={() => setEditing(null)}
          />
        )}
      </Dialog>
    </>
  );
}
