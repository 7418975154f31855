import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ABSENCE_KINDS } from '../../../domain/absences';
import { rigaDateOf } from '../../../domain/riga-time';
import type { TAbsence } from '../../../contracts/absences.contracts';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import type { Column } from '../../ui/DataTable';
import { Dialog } from '../../ui/Dialog';
import { formatDate, fullName } from '../../ui/format';
import { useListDialog } from '../../ui/list-dialog';
import { useListParams } from '../../ui/list-params';
import { ErrorNotice, SuccessNotice } from '../../ui/Notice';
import { PagedList } from '../../ui/PagedList';
import { PageHeader } from '../../ui/PageHeader';
import { UnitFilter } from '../../ui/UnitFilter';
import { AbsenceForm } from './AbsenceForm';

const DEFAULTS = { unitId: '', kind: '' };
const PAGE_SIZE = 25;

function Person(props: { person: TAbsence['staff'] | null; fallback: string }) {
  if (!props.person) return <span className="muted">{props.fallback}</span>;
  return (
    <>
      {fullName(props.person)}
      {props.person.phone && <div className="muted">{props.person.phone}</div>}
    </>
  );
}

export function AbsencesPage() {
  const { t } = useTranslation();
  const { me, can } = useSession();
  const queryClient = useQueryClient();
  const today = rigaDateOf(new Date());
  const { values, page, update } = useListParams(DEFAULTS);
  const dialog = useListDialog<TAbsence | 'new'>();

  const [todayPage, setTodayPage] = useState(1);
  const awayToday = useQuery({
    queryKey: ['absences', 'on', today, todayPage],
    queryFn: () => api.get('/absences', { date: today, page: todayPage, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const upcoming = useQuery({
    queryKey: ['absences', 'from', today, values, page],
    queryFn: () => api.get('/absences', { ...values, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });

  const cancel = useMutation({
    mutationFn: (absence: TAbsence) =>
      api.delete(`/absences/${absence.id}`, { version: absence.version }),
    onSuccess: async () => {
      dialog.tell(t('absences.cancelled'));
      await queryClient.invalidateQueries({ queryKey: ['absences'] });
      await queryClient.invalidateQueries({ queryKey: ['directory'] });
    },
  });

  // The server decides; the page only hides what would certainly be refused.
  const mayManage = (absence: TAbsence) =>
    can('absences.manage-all') ||
    can('absences.manage-unit') ||
    (can('absences.manage-own') && absence.staff.id === me.id);
  const mayRecord =
    can('absences.manage-own') || can('absences.manage-all') || can('absences.manage-unit');

  const baseColumns: Array<Column<TAbsence>> = [
    {
      key: 'person',
      header: t('absences.person'),
      render: (a) => <Person person={a.staff} fallback="" />,
    },
    { key: 'kind', header: t('absences.kind'), render: (a) => t(`absenceKinds.${a.kind}`) },
    {
      key: 'period',
      header: t('absences.period'),
      render: (a) => `${formatDate(a.startsOn)} – ${formatDate(a.endsOn)}`,
    },
    {
      key: 'substitute',
      header: t('absences.substitute'),
      render: (a) => <Person person={a.substitute} fallback={t('absences.noSubstitute')} />,
    },
  ];
  const todayColumns: Array<Column<TAbsence>> = [
    ...baseColumns,
    {
      key: 'standIn',
      header: t('absences.standIn'),
      render: (a) => <Person person={a.standIn} fallback={t('absences.noSubstitute')} />,
    },
  ];
  const upcomingColumns: Array<Column<TAbsence>> = [
    ...baseColumns,
    {
      key: 'actions',
      header: t('common.actions'),
      className: 'cell-actions',
      render: (a) =>
        mayManage(a) ? (
          <>
            <button
              type="button"
              className="button-link"
              onClick={() => dialog.open(a)}
              aria-label={`${t('common.edit')}: ${fullName(a.staff)} ${formatDate(a.startsOn)}`}
            >
              {t('common.edit')}
            </button>
            <button
              type="button"
              className="button-link button-danger"
              onClick={() => {
                const question = t('absences.confirmCancel', {
                  name: fullName(a.staff),
                  from: formatDate(a.startsOn),
                  to: formatDate(a.endsOn),
                });
                if (window.confirm(question)) cancel.mutate(a);
              }}
            >
              {t('absences.cancelAbsence')}
            </button>
          </>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('absences.title')}
        intro={t('absences.intro')}
        actions={
          mayRecord && (
            <button type="button" className="button-primary" onClick={() => dialog.open('new')}>
              {t('absences.record')}
            </button>
          )
        }
      />
      {dialog.notice && <SuccessNotice>{dialog.notice}</SuccessNotice>}
      {cancel.isError && <ErrorNotice error={cancel.error} />}

      <section aria-labelledby="away-today">
        <h2 id="away-today">
          {t('absences.today')} ({formatDate(today)})
        </h2>
        <PagedList
          query={awayToday}
          emptyTitle={t('absences.todayEmpty')}
          caption={t('absences.today')}
          columns={todayColumns}
          rowKey={(a) => a.id}
          page={todayPage}
          pageSize={PAGE_SIZE}
          onPage={setTodayPage}
          label={t('absences.today')}
        />
      </section>

      <section aria-labelledby="upcoming">
        <h2 id="upcoming">{t('absences.upcoming')}</h2>
        <div className="filters">
          <UnitFilter
            id="absences-unit"
            label={t('absences.filterUnit')}
            value={values.unitId}
            onChange={(unitId) => update({ unitId })}
          />
          <div className="field">
            <label htmlFor="absences-kind">{t('absences.filterKind')}</label>
            <select
              id="absences-kind"
              value={values.kind}
              onChange={(event) => update({ kind: event.target.value })}
            >
              <option value="">{t('common.all')}</option>
              {ABSENCE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`absenceKinds.${kind}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <PagedList
          query={upcoming}
          emptyTitle={t('absences.upcomingEmpty')}
          caption={t('absences.upcoming')}
          columns={upcomingColumns}
          rowKey={(a) => a.id}
          page={page}
          pageSize={PAGE_SIZE}
          onPage={(next) => update({ page: String(next) })}
          label={t('absences.upcoming')}
        />
      </section>

      <Dialog
        title={dialog.subject === 'new' ? t('absences.newTitle') : t('absences.editTitle')}
        open={dialog.subject !== null}
        onClose={dialog.close}
      >
        <AbsenceForm
          absence={dialog.subject === 'new' ? null : dialog.subject}
          onSaved={() => dialog.done(t('common.saved'))}
          onCancel={dialog.close}
        />
      </Dialog>
    </>
  );
}
