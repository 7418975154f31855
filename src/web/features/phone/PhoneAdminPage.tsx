import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROTATIONS } from '../../../domain/calls';
import type {
  TCreatedExchange,
  TExchange,
  TPhoneLine,
  TPutPhoneLineBody,
  TStaffExtension,
} from '../../../contracts/telephony.contracts';
import { api } from '../../api/client';
import type { Column } from '../../ui/DataTable';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { FormActions, FormError } from '../../ui/FormParts';
import { formatDateTime, fullName } from '../../ui/format';
import { useListDialog } from '../../ui/list-dialog';
import { ErrorNotice, SuccessNotice } from '../../ui/Notice';
import { PagedList } from '../../ui/PagedList';
import { PageHeader } from '../../ui/PageHeader';
import { useServerForm } from '../../ui/server-form';
import { UnitFilter, UnitOptions } from '../../ui/UnitFilter';
import { CreatedTokenNotice } from '../tokens/TokensPage';

const PAGE_SIZE = 25;

/**
 * Connecting the municipality's telephone exchange: the exchanges' tokens, each unit's line and
 * its rotation (clause 15.1), and the staff's extensions the exchange rings.
 */
export function PhoneAdminPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('phone.admin.title')} intro={t('phone.admin.intro')} />
      <Exchanges />
      <Lines />
      <Extensions />
    </>
  );
}

function Exchanges() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const dialog = useListDialog<{ created: TCreatedExchange | null }>();
  const created = dialog.subject?.created ?? null;
  const list = useQuery({
    queryKey: ['exchanges', page],
    queryFn: () => api.get('/telephony/exchanges', { page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const revoke = useMutation({
    mutationFn: (exchange: TExchange) => api.post(`/telephony/exchanges/${exchange.id}/revoke`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['exchanges'] }),
  });
  const columns: Array<Column<TExchange>> = [
    {
      key: 'name',
      header: t('phone.admin.exchangeName'),
      render: (exchange) => <strong>{exchange.name}</strong>,
    },
    {
      key: 'prefix',
      header: t('tokens.prefix'),
      render: (exchange) => <code>{exchange.prefix}…</code>,
    },
    {
      key: 'created',
      header: t('tokens.createdAt'),
      render: (exchange) => formatDateTime(exchange.createdAt),
    },
    {
      key: 'used',
      header: t('tokens.lastUsedAt'),
      render: (exchange) =>
        exchange.lastUsedAt ? formatDateTime(exchange.lastUsedAt) : t('tokens.never'),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      className: 'cell-actions',
      render: (exchange) =>
        exchange.revokedAt ? (
          <span className="badge">{t('tokens.revoked')}</span>
        ) : (
          <button
            type="button"
            className="button-link button-danger"
            onClick={() => {
              if (window.confirm(t('phone.admin.confirmRevoke', { name: exchange.name })))
                revoke.mutate(exchange);
            }}
          >
            {t('tokens.revoke')}
          </button>
        ),
    },
  ];
  return (
    <section aria-labelledby="phone-exchanges" className="admin-section">
      <div className="section-head">
        <h2 id="phone-exchanges">{t('phone.admin.exchanges')}</h2>
        <button
          type="button"
          className="button-primary"
          onClick={() => dialog.open({ created: null })}
        >
          {t('phone.admin.addExchange')}
        </button>
      </div>
      <p className="field-hint">{t('phone.admin.exchangesHint')}</p>
      {revoke.isError && <ErrorNotice error={revoke.error} />}
      <PagedList
        query={list}
        emptyTitle={t('phone.admin.noExchanges')}
        caption={t('phone.admin.exchanges')}
        columns={columns}
        rowKey={(exchange) => exchange.id}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
        label={t('phone.admin.exchanges')}
      />
      <Dialog
        title={t('phone.admin.addExchange')}
        open={dialog.subject !== null}
        onClose={dialog.close}
      >
        {created ? (
          <CreatedTokenNotice token={created} onClose={dialog.close} />
        ) : (
          <ExchangeForm
            onCreated={(exchange) => dialog.open({ created: exchange })}
            onCancel={dialog.close}
          />
        )}
      </Dialog>
    </section>
  );
}

function ExchangeForm(props: {
  onCreated: (exchange: TCreatedExchange) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { form, errors, formError, busy, onSubmit } = useServerForm<
    { name: string },
    TCreatedExchange
  >({
    defaultValues: { name: '' },
    fields: ['name'],
    send: (values) => api.post('/telephony/exchanges', { name: values.name }),
    onSaved: async (exchange) => {
      await queryClient.invalidateQueries({ queryKey: ['exchanges'] });
      props.onCreated(exchange);
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <Field
        label={t('phone.admin.exchangeName')}
        hint={t('phone.admin.exchangeNameHint')}
        required
        error={errors.name?.message}
      >
        <input {...form.register('name')} />
      </Field>
      <FormActions busy={busy} onCancel={props.onCancel} submitLabel={t('phone.admin.issue')} />
    </form>
  );
}

function Lines() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  // A new line (no unit yet) or one to change.
  const dialog = useListDialog<{ line: TPhoneLine | null }>();
  const list = useQuery({
    queryKey: ['phone-lines', page],
    queryFn: () => api.get('/telephony/lines', { page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const columns: Array<Column<TPhoneLine>> = [
    { key: 'unit', header: t('phone.unit'), render: (line) => <strong>{line.unit.name}</strong> },
    { key: 'number', header: t('phone.number'), render: (line) => line.number },
    {
      key: 'rotation',
      header: t('phone.admin.rotation'),
      render: (line) => t(`phone.admin.rotations.${line.rotation}`),
    },
    {
      key: 'menuKey',
      header: t('phone.admin.menuKey'),
      render: (line) => line.menuKey ?? '—',
    },
    {
      key: 'informationLine',
      header: t('phone.admin.informationLine'),
      render: (line) => (line.informationLine ? t('phone.admin.yes') : ''),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      className: 'cell-actions',
      render: (line) => (
        <button type="button" className="button-link" onClick={() => dialog.open({ line })}>
          {t('common.edit')}
          <span className="visually-hidden"> {line.unit.name}</span>
        </button>
      ),
    },
  ];
  return (
    <section aria-labelledby="phone-lines" className="admin-section">
      <div className="section-head">
        <h2 id="phone-lines">{t('phone.admin.lines')}</h2>
        <button
          type="button"
          className="button-primary"
          onClick={() => dialog.open({ line: null })}
        >
          {t('phone.admin.addLine')}
        </button>
      </div>
      <p className="field-hint">{t('phone.admin.linesHint')}</p>
      {dialog.notice && <SuccessNotice>{dialog.notice}</SuccessNotice>}
      <PagedList
        query={list}
        emptyTitle={t('phone.admin.noLines')}
        caption={t('phone.admin.lines')}
        columns={columns}
        rowKey={(line) => line.unit.id}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
        label={t('phone.admin.lines')}
      />
      <Dialog
        title={dialog.subject?.line ? dialog.subject.line.unit.name : t('phone.admin.addLine')}
        open={dialog.subject !== null}
        onClose={dialog.close}
      >
        {dialog.subject && (
          <LineForm
            line={dialog.subject.line}
            onSaved={() => dialog.done(t('phone.admin.lineSaved'))}
            onCancel={dialog.close}
          />
        )}
      </Dialog>
    </section>
  );
}

interface LineValues {
  unitId: string;
  number: string;
  rotation: TPutPhoneLineBody['rotation'];
  menuKey: string;
  informationLine: boolean;
}

function LineForm(props: { line: TPhoneLine | null; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { line } = props;
  const { form, errors, formError, busy, onSubmit } = useServerForm<LineValues>({
    defaultValues: {
      unitId: line?.unit.id ?? '',
      number: line?.number ?? '',
      rotation: line?.rotation ?? 'round_robin',
      menuKey: line?.menuKey ?? '',
      informationLine: line?.informationLine ?? false,
    },
    fields: ['unitId', 'number', 'rotation', 'menuKey', 'informationLine'],
    send: (values) =>
      api.put(`/telephony/lines/${values.unitId}`, {
        number: values.number,
        rotation: values.rotation,
        menuKey: values.menuKey || null,
        informationLine: values.informationLine,
        ...(line ? { version: line.version } : {}),
      }),
    onSaved: async () => {
      await queryClient.invalidateQueries({ queryKey: ['phone-lines'] });
      props.onSaved();
    },
    onConflict: () => queryClient.invalidateQueries({ queryKey: ['phone-lines'] }),
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      {!line && (
        <Field label={t('phone.unit')} required error={errors.unitId?.message}>
          <select {...form.register('unitId', { required: t('queue.chooseUnit') })}>
            <option value="">—</option>
            <UnitOptions />
          </select>
        </Field>
      )}
      <Field
        label={t('phone.number')}
        hint={t('phone.admin.numberHint')}
        required
        error={errors.number?.message}
      >
        <input type="tel" autoComplete="off" {...form.register('number')} />
      </Field>
      <Field label={t('phone.admin.rotation')} required error={errors.rotation?.message}>
        <select {...form.register('rotation')}>
          {ROTATIONS.map((rotation) => (
            <option key={rotation} value={rotation}>
              {t(`phone.admin.rotations.${rotation}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label={t('phone.admin.menuKey')}
        hint={t('phone.admin.menuKeyHint')}
        error={errors.menuKey?.message}
      >
        <input inputMode="numeric" maxLength={1} {...form.register('menuKey')} />
      </Field>
      <div className="field field-check">
        <input
          id="line-information"
          type="checkbox"
          {...form.register('informationLine')}
          aria-describedby="line-information-hint"
        />
        <label htmlFor="line-information">{t('phone.admin.informationLine')}</label>
        <div id="line-information-hint" className="field-hint">
          {t('phone.admin.informationLineHint')}
        </div>
      </div>
      <FormActions busy={busy} onCancel={props.onCancel} />
    </form>
  );
}

function Extensions() {
  const { t } = useTranslation();
  const [unitId, setUnitId] = useState('');
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['phone-extensions', unitId, page],
    queryFn: () => api.get('/telephony/extensions', { unitId, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
    enabled: unitId !== '',
  });
  return (
    <section aria-labelledby="phone-extensions" className="admin-section">
      <h2 id="phone-extensions">{t('phone.admin.extensions')}</h2>
      <p className="field-hint">{t('phone.admin.extensionsHint')}</p>
      <div className="filters">
        <UnitFilter
          id="extensions-unit"
          label={t('phone.unit')}
          value={unitId}
          emptyLabel="—"
          onChange={(next) => {
            setUnitId(next);
            setPage(1);
          }}
        />
      </div>
      {unitId !== '' && (
        <PagedList
          query={list}
          emptyTitle={t('phone.admin.noStaff')}
          caption={t('phone.admin.extensions')}
          rowKey={(row) => row.staff.id}
          columns={[
            {
              key: 'name',
              header: t('phone.admin.person'),
              render: (row) => (
                <>
                  <strong>{fullName(row.staff)}</strong>
                  <div className="muted">{row.staff.position}</div>
                </>
              ),
            },
            {
              key: 'extension',
              header: t('phone.admin.extension'),
              render: (row) => <ExtensionForm row={row} />,
            },
          ]}
          page={page}
          pageSize={PAGE_SIZE}
          onPage={setPage}
          label={t('phone.admin.extensions')}
        />
      )}
    </section>
  );
}

/** One person's extension, saved on its own; empty takes it away (they are no longer rung). */
function ExtensionForm(props: { row: TStaffExtension }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { staff } = props.row;
  const { form, errors, formError, busy, saved, onSubmit } = useServerForm<{ extension: string }>({
    defaultValues: { extension: props.row.extension ?? '' },
    fields: ['extension'],
    send: (values) =>
      api.put(`/telephony/extensions/${staff.id}`, {
        extension: values.extension.trim() || null,
      }),
    onSaved: () => queryClient.invalidateQueries({ queryKey: ['phone-extensions'] }),
  });
  const id = `extension-${staff.id}`;
  return (
    <form onSubmit={onSubmit} noValidate className="inline-form extension-form">
      <FormError message={formError} />
      <label htmlFor={id} className="visually-hidden">
        {t('phone.admin.extensionOf', { name: fullName(staff) })}
      </label>
      <input
        id={id}
        inputMode="numeric"
        size={8}
        aria-invalid={errors.extension ? true : undefined}
        {...form.register('extension')}
      />
      <button type="submit" className="button-secondary" disabled={busy}>
        {t('common.save')}
        <span className="visually-hidden"> {fullName(staff)}</span>
      </button>
      {saved && <span role="status">{t('phone.admin.saved')}</span>}
      {errors.extension?.message && (
        <div className="field-error" role="alert">
          {errors.extension.message}
        </div>
      )}
    </form>
  );
}
