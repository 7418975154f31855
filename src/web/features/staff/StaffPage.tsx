import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../domain/roles';
import type { TStaff } from '../../../contracts/staff.contracts';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import type { Column } from '../../ui/DataTable';
import { Dialog } from '../../ui/Dialog';
import { ChoiceFilter, SearchFilter } from '../../ui/Filters';
import { fullName } from '../../ui/format';
import { useListDialog } from '../../ui/list-dialog';
import { useListParams } from '../../ui/list-params';
import { SuccessNotice } from '../../ui/Notice';
import { PagedList } from '../../ui/PagedList';
import { PageHeader } from '../../ui/PageHeader';
import { UnitFilter } from '../../ui/UnitFilter';
import { PasswordForm, StaffForm } from './StaffForm';

const DEFAULTS = { q: '', unitId: '', role: '', active: 'true', sort: 'surname', order: 'asc' };
const PAGE_SIZE = 25;

export function StaffPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const mayManage = can('staff.manage');
  const { values, page, update } = useListParams(DEFAULTS);
  const dialog = useListDialog<
    { name: 'edit'; person: TStaff | null } | { name: 'password'; person: TStaff }
  >();
  const editing = dialog.subject?.name === 'edit' ? dialog.subject : null;
  const settingPassword = dialog.subject?.name === 'password' ? dialog.subject.person : null;
  const list = useQuery({
    queryKey: ['staff', values, page],
    queryFn: () => api.get('/staff', { ...values, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });

  const columns: Array<Column<TStaff>> = [
    {
      key: 'name',
      header: t('staff.name'),
      sortKey: 'surname',
      render: (person) => (
        <>
          <strong>{fullName(person)}</strong>
          {!person.active && <span className="badge"> {t('staff.left')}</span>}
        </>
      ),
    },
    {
      key: 'position',
      header: t('staff.position'),
      sortKey: 'position',
      render: (person) => person.position,
    },
    {
      key: 'units',
      header: t('staff.units'),
      render: (person) =>
        person.units.map((unit) => (
          <div key={unit.id}>
            {unit.name}
            {unit.primary && person.units.length > 1 && (
              <span className="muted"> ({t('staff.primary')})</span>
            )}
          </div>
        )),
    },
    { key: 'email', header: t('common.email'), sortKey: 'email', render: (person) => person.email },
    {
      key: 'roles',
      header: t('staff.roles'),
      render: (person) => (
        <ul className="tags">
          {person.roles.map((role) => (
            <li key={role}>{t(`roles.${role}`)}</li>
          ))}
        </ul>
      ),
    },
    {
      key: 'account',
      header: t('staff.account'),
      render: (person) => (
        <span className={person.canSignIn ? 'badge badge-ok' : 'badge'}>
          {person.canSignIn ? t('staff.canSignIn') : t('staff.cannotSignIn')}
        </span>
      ),
    },
    ...(mayManage
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            className: 'cell-actions',
            render: (person: TStaff) => (
              <>
                <button
                  type="button"
                  className="button-link"
                  onClick={() => dialog.open({ name: 'edit', person })}
                  aria-label={`${t('common.edit')}: ${fullName(person)}`}
                >
                  {t('common.edit')}
                </button>
                <button
                  type="button"
                  className="button-link"
                  onClick={() => dialog.open({ name: 'password', person })}
                  aria-label={`${t('staff.setPassword')}: ${fullName(person)}`}
                >
                  {t('staff.setPassword')}
                </button>
              </>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('staff.title')}
        intro={t('staff.intro')}
        actions={
          mayManage && (
            <button
              type="button"
              className="button-primary"
              onClick={() => dialog.open({ name: 'edit', person: null })}
            >
              {t('staff.add')}
            </button>
          )
        }
      />
      {dialog.notice && <SuccessNotice>{dialog.notice}</SuccessNotice>}
      <div className="filters" role="search">
        <SearchFilter
          id="staff-q"
          label={t('staff.searchLabel')}
          value={values.q}
          onChange={(q) => update({ q })}
        />
        <UnitFilter
          id="staff-unit"
          label={t('staff.filterUnit')}
          value={values.unitId}
          onChange={(unitId) => update({ unitId })}
        />
        <ChoiceFilter
          id="staff-role"
          label={t('staff.filterRole')}
          value={values.role}
          onChange={(role) => update({ role })}
          allLabel={t('staff.allRoles')}
          options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        />
        <div className="field">
          <label htmlFor="staff-active">{t('staff.filterStatus')}</label>
          <select
            id="staff-active"
            value={values.active}
            onChange={(event) => update({ active: event.target.value })}
          >
            <option value="true">{t('staff.active')}</option>
            <option value="false">{t('staff.left')}</option>
            <option value="">{t('common.all')}</option>
          </select>
        </div>
      </div>
      <PagedList
        query={list}
        emptyTitle={t('staff.empty')}
        emptyHint={t('common.emptyFilterHint')}
        caption={t('staff.title')}
        columns={columns}
        rowKey={(person) => person.id}
        sort={{ sort: values.sort, order: values.order === 'desc' ? 'desc' : 'asc' }}
        onSort={(sort) => update(sort)}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(next) => update({ page: String(next) })}
      />
      <Dialog
        title={editing?.person ? t('staff.editTitle') : t('staff.newTitle')}
        open={editing !== null}
        onClose={dialog.close}
      >
        {editing && (
          <StaffForm
            person={editing.person}
            onSaved={() => dialog.done(t('common.saved'))}
            onCancel={dialog.close}
          />
        )}
      </Dialog>
      <Dialog
        title={settingPassword ? `${t('staff.setPassword')}: ${fullName(settingPassword)}` : ''}
        open={settingPassword !== null}
        onClose={dialog.close}
      >
        {settingPassword && (
          <PasswordForm
            person={settingPassword}
            onSaved={() => dialog.done(t('staff.passwordSet'))}
            onCancel={dialog.close}
          />
        )}
      </Dialog>
    </>
  );
}
