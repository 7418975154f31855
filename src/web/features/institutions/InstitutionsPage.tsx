import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TInstitution } from '../../../contracts/institutions.contracts';
import { INSTITUTION_KINDS } from '../../../domain/organisation';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { PagedTable, type Column } from '../../ui/DataTable';
import { Dialog } from '../../ui/Dialog';
import { FormActions, FormError } from '../../ui/FormParts';
import { Field } from '../../ui/Field';
import { ChoiceFilter, SearchFilter } from '../../ui/Filters';
import { useFirstPageWhenPastEnd, useListParams } from '../../ui/list-params';
import { SuccessNotice } from '../../ui/Notice';
import { ListState } from '../../ui/ListState';
import { PageHeader } from '../../ui/PageHeader';
import { applyProblem } from '../../ui/problem-form';

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
  const [formError, setFormError] = useState<string | null>(null);
  const current = props.institution;
  const form = useForm<Values>({
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
  });
  const { errors } = form.formState;
  const save = useMutation({
    mutationFn: (values: Values) =>
      current
        ? api.patch(`/institutions/${current.id}`, {
            ...values,
            version: current.version,
          })
        : api.post('/institutions', values),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['institutions'] });
      props.onSaved();
    },
    onError: (error) => setFormError(applyProblem(error, form.setError, FIELDS)),
  });
  return (
    <form
      onSubmit={(event) => void form.handleSubmit((values) => save.mutate(values))(event)}
      noValidate
    >
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
      <FormActions busy={save.isPending} onCancel={props.onCancel} />
    </form>
  );
}

export function InstitutionsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const mayManage = can('organisation.manage');
  const { values, page, update } = useListParams(DEFAULTS);
  const [editing, setEditing] = useState<TInstitution | 'new' | null>(null);
  const [saved, setSaved] = useState(false);
  const list = useQuery({
    queryKey: ['institutions', values, page],
    queryFn: () => api.get('/institutions', { ...values, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  useFirstPageWhenPastEnd(page, list.data?.items.length, update);

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
                onClick={() => setEditing(i)}
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
            <button type="button" className="button-primary" onClick={() => setEditing('new')}>
              {t('institutions.add')}
            </button>
          )
        }
      />
      {saved && <SuccessNotice>{t('common.saved')}</SuccessNotice>}
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
      <ListState query={list} emptyTitle={t('institutions.empty')}>
        {(data) => (
          <PagedTable
            caption={t('institutions.title')}
            columns={columns}
            rows={data.items}
            rowKey={(i) => i.id}
            sort={{ sort: values.sort, order: values.order === 'desc' ? 'desc' : 'asc' }}
            onSort={(sort) => update(sort)}
            paging={{
              page,
              pageSize: PAGE_SIZE,
              total: data.total,
              onPage: (next) => update({ page: String(next) }),
            }}
          />
        )}
      </ListState>
      <Dialog
        title={editing === 'new' ? t('institutions.newTitle') : t('institutions.editTitle')}
        open={editing !== null}
        onClose={() => setEditing(null)}
      >
        <InstitutionForm
          institution={editing === 'new' ? null : editing}
          onSaved={() => {
            setEditing(null);
            setSaved(true);
          }}
          onCancel={() => setEditing(null)}
        />
      </Dialog>
    </>
  );
}
