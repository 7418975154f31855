import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TImprovementTask } from '../../../contracts/improvements.contracts';
import { IMPROVEMENT_TASK_STATES } from '../../../domain/improvements';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import type { Column } from '../../ui/DataTable';
import { formatDate, fullName } from '../../ui/format';
import { useListParams } from '../../ui/list-params';
import { PagedList } from '../../ui/PagedList';
import { PageHeader } from '../../ui/PageHeader';
import { UnitFilter } from '../../ui/UnitFilter';

const DEFAULTS = { unitId: '', state: '', overdue: '' };
const PAGE_SIZE = 25;

/** The units' improvement tasks (30) the viewer may see, with the overdue marked. */
export function ImprovementsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { values, page, update } = useListParams(DEFAULTS);
  const tasks = useQuery({
    queryKey: ['improvement-tasks', values, page],
    queryFn: () =>
      api.get('/improvement-tasks', {
        ...(values.unitId ? { unitId: values.unitId } : {}),
        ...(values.state ? { state: values.state as TImprovementTask['state'] } : {}),
        ...(values.overdue ? { overdue: 'true' } : {}),
        page,
        pageSize: PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
  });
  const columns: Array<Column<TImprovementTask>> = [
    {
      key: 'title',
      header: t('improvements.task'),
      render: (task) => <Link to={`/quality/improvements/${task.id}`}>{task.title}</Link>,
    },
    { key: 'unit', header: t('improvements.unit'), render: (task) => task.unit.name },
    {
      key: 'owner',
      header: t('improvements.owner'),
      render: (task) => (task.owner ? fullName(task.owner) : '—'),
    },
    {
      key: 'due',
      header: t('improvements.dueOn'),
      render: (task) => <DueDate task={task} />,
    },
    {
      key: 'state',
      header: t('improvements.state'),
      render: (task) => t(`improvements.states.${task.state}`),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('improvements.title')}
        intro={t('improvements.intro')}
        actions={
          can('improvements.manage') && (
            <Link className="button-primary" to="/quality/improvements/new">
              {t('improvements.create')}
            </Link>
          )
        }
      />
      <div className="filters">
        <UnitFilter
          id="improvements-unit"
          label={t('improvements.unit')}
          value={values.unitId}
          onChange={(unitId) => update({ unitId })}
        />
        <div className="field">
          <label htmlFor="improvements-state">{t('improvements.state')}</label>
          <select
            id="improvements-state"
            value={values.state}
            onChange={(event) => update({ state: event.target.value })}
          >
            <option value="">{t('common.all')}</option>
            {IMPROVEMENT_TASK_STATES.map((state) => (
              <option key={state} value={state}>
                {t(`improvements.states.${state}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="checkbox-inline">
            <input
              type="checkbox"
              checked={values.overdue === 'true'}
              onChange={(event) => update({ overdue: event.target.checked ? 'true' : '' })}
            />
            {t('improvements.onlyOverdue')}
          </label>
        </div>
      </div>
      <PagedList
        query={tasks}
        emptyTitle={t('improvements.empty')}
        caption={t('improvements.title')}
        columns={columns}
        rowKey={(task) => task.id}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(next) => update({ page: String(next) })}
      />
    </>
  );
}

/** The due date, with the overdue said in words and not only by colour. */
export function DueDate(props: { task: TImprovementTask }) {
  const { t } = useTranslation();
  return (
    <>
      {formatDate(props.task.dueOn)}
      {props.task.overdue && (
        <>
          {' '}
          <span className="badge badge-danger">{t('improvements.overdue')}</span>
        </>
      )}
    </>
  );
}
