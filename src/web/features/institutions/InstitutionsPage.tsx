import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TInstitution } from '../../../contracts/institutions.contracts';
import { INSTITUTION_KINDS } from '../../../domain/organisation';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import type { Column } from '../../ui/DataTable';
import { Dialog } from '../../ui/Dialog';
import { FormActions, FormError } from '../../ui/FormParts';
import { Field } from '../../ui/Field';
import { ChoiceFilter, SearchFilter } from '../../ui/Filters';
import { useListDialog } from '../../ui/list-dialog';
import { useListParams } from '../../ui/list-params';
import { SuccessNotice } from '../../ui/Notice';
import { PagedList } from '../../ui/PagedList';
import { PageHeader } from '../../ui/PageHeader';
import { useServerForm } from '../../ui/server-form';

const DEFAULTS = { q: '', kind: '', sort: 'name', order: 'asc' };
const PAGE_SIZE = 25;

type Values = Pick<TInstitution, 'name' | 'kind' | 'active'> & {
  shortName: string;
  registrationNumber: string;
  website: string;
  email: string;
  phone: string;
};
const FIELDS = [
  'name',
  'shortName',
  'kind',
  'registrationNumber',
  'website',
  'email',
  'phone',
  'active',
];

function InstitutionForm(props: {
  institution: TInstitution | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const current = props.institution;
  const { form, errors, formError, busy, onSubmit } = useServerForm<Values>({
    defaultValues: {
      name: current?.name ?? '',
      shortName: current?.shortName ?? '',
      kind: current?.kind ?? 'state',
      registrationNumber: current?.registrationNumber ?? '',
      website: current?.website ?? '',
      email: current?.email ?? '',
      phone: current?.phone ?? '',
      active: current?.active ?? true,
    },
    fields: FIELDS,
    send: (values) =>
      current
        ? api.patch(`/institutions/${current.id}`, {
            ...values,
            version: current.version,
          })
        : api.post('/institutions', values),
    onSaved: async () => {
      await queryClient.invalidateQueries({ queryKey: ['institutions'] });
      props.onSaved();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <Field label={t('common.name')} required error={errors.name?.message}>
        <input {...form.register('name')} />
      </Field>
      <div className="field-row">
        <Field label={t('institutions.shortName')} error={errors.shortName?.message}>
          <input {...form.register('shortName')} />
        </Field>
        <Field label={t('institutions.kind')} required error={errors.kind?.message}>
          <select {...form.register('kind')}>
            {INSTITUTION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`institutions.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field
        label={t('institutions.registrationNumber')}
        error={errors.registrationNumber?.message}
      >
        <input {...form.register('registrationNumber')} />
      </Field>
      <div className="field-row">
        <Field label={t('common.phone')} error={errors.phone?.message}>
          <input type="tel" {...form.register('phone')} />
        </Field>
        <Field label={t('common.email')} error={errors.email?.message}>
          <input type="email" {...form.register('email')} />
        </Field>
      </div>
      <Field label={t('common.website')} error={errors.website?.message}>
        <input type="url" placeholder="https://" {...form.register('website')} />
      </Field>
      <div className="field field-check">
        <input id="institution-active" type="checkbox" {...form.register('active')} />
        <label htmlFor="institution-active">{t('common.active')}</label>
      </div>
      <FormActions busy={busy} onCancel={props.onCancel} />
    </form>
  );
}

export function InstitutionsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const mayManage = can('organisation.manage');
  const { values, page, update } = useListParams(DEFAULTS);
  const dialog = useListDialog<TInstitution | 'new'>();
  const list = useQuery({
    queryKey: ['institutions', values, page],
    queryFn: () => api.get('/institutions', { ...values, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });

  const columns: Array<Column<TInstitution>> = [
    {
      key: 'name',
      header: t('common.name'),
      sortKey: 'name',
      render: (i) => (
        <>
          <strong>{i.name}</strong>
          {i.shortName && <span className="muted"> ({i.shortName})</span>}
        </>
      ),
    },
    {
      key: 'kind',
      header: t('institutions.kind'),
      sortKey: 'kind',
      render: (i) => t(`institutions.kinds.${i.kind}`),
    },
    {
      key: 'contacts',
      header: t('directory.contacts'),
      render: (i) => (
        <>
          {i.phone && <div>{i.phone}</div>}
          {i.email && <div>{i.email}</div>}
          {i.website && (
            <div>
              <a href={i.website} rel="noreferrer" target="_blank">
                {i.website}
              </a>
            </div>
          )}
        </>
      ),
    },
    {
      key: 'status',
      header: t('common.status'),
      render: (i) => (
        <span className={i.active ? 'badge badge-ok' : 'badge'}>
          {i.active ? t('common.active') : t('common.inactive')}
        </span>
      ),
    },
    ...(mayManage
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            className: 'cell-actions',
            render: (i: TInstitution) => (
              <button
                type="button"
                className="button-link"
                onClick={() => dialog.open(i)}
                aria-label={`${t('common.edit')}: ${i.name}`}
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
        title={t('institutions.title')}
        intro={t('institutions.intro')}
        actions={
          mayManage && (
            <button type="button" className="button-primary" onClick={() => dialog.open('new')}>
              {t('institutions.add')}
            </button>
          )
        }
      />
      {dialog.notice && <SuccessNotice>{dialog.notice}</SuccessNotice>}
      <div className="filters" role="search">
        <SearchFilter
          id="institutions-q"
          label={t('institutions.searchLabel')}
          value={values.q}
          onChange={(q) => update({ q })}
        />
        <ChoiceFilter
          id="institutions-kind"
          label={t('institutions.kind')}
          value={values.kind}
          onChange={(kind) => update({ kind })}
          options={INSTITUTION_KINDS.map((kind) => ({
            value: kind,
            label: t(`institutions.kinds.${kind}`),
          }))}
        />
      </div>
      <PagedList
        query={list}
        emptyTitle={t('institutions.empty')}
        caption={t('institutions.title')}
        columns={columns}
        rowKey={(i) => i.id}
        sort={{ sort: values.sort, order: values.order === 'desc' ? 'desc' : 'asc' }}
        onSort={(sort) => update(sort)}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(next) => update({ page: String(next) })}
      />
      <Dialog
        title={dialog.subject === 'new' ? t('institutions.newTitle') : t('institutions.editTitle')}
        open={dialog.subject !== null}
        onClose={dialog.close}
      >
        <InstitutionForm
          institution={dialog.subject === 'new' ? null : dialog.subject}
          onSaved={() => dialog.done(t('common.saved'))}
          onCancel={dialog.close}
        />
      </Dialog>
    </>
  );
}
