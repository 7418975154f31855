import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS } from '../../../domain/opening-hours';
import type { TUnit } from '../../../contracts/units.contracts';
import { unitTreeOrder, useAllUnits } from '../../api/lookups';
import { useSession } from '../../app/session';
import { DataTable, type Column } from '../../ui/DataTable';
import { Dialog } from '../../ui/Dialog';
import { EmptyState, ErrorNotice, Loading, SuccessNotice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { UnitForm } from './UnitForm';

type Row = { unit: TUnit; depth: number };

/** Opening hours in one line: "P–C 08:00–17:00, Pk 08:00–16:00". */
function useHoursSummary() {
  const { t } = useTranslation();
  return (unit: TUnit): string => {
    const groups: Array<{ days: string[]; hours: string }> = [];
    for (const day of WEEKDAYS) {
      const hours = unit.openingHours[day];
      if (!hours) continue;
      const text = `${hours.open}–${hours.close}`;
      const last = groups[groups.length - 1];
      const label = t(`units.weekdaysShort.${day}`);
      if (last && last.hours === text) last.days.push(label);
      else groups.push({ days: [label], hours: text });
    }
    return groups
      .map((group) => {
        const days =
          group.days.length > 1
            ? `${group.days[0]}–${group.days[group.days.length - 1]}`
            : group.days[0];
        return `${days} ${group.hours}`;
      })
      .join(', ');
  };
}

export function UnitsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const mayManage = can('organisation.manage');
  const units = useAllUnits();
  const hoursSummary = useHoursSummary();
  const [editing, setEditing] = useState<TUnit | 'new' | null>(null);
  const [saved, setSaved] = useState(false);

  const columns: Array<Column<Row>> = [
    {
      key: 'name',
      header: t('common.name'),
      render: ({ unit, depth }) => (
        <div className="tree-cell" style={{ paddingInlineStart: `${depth * 1.25}rem` }}>
          <strong>{unit.name}</strong>
          {depth === 0 && <div className="muted">{unit.institutionName}</div>}
          {!unit.active && <span className="badge"> {t('common.inactive')}</span>}
        </div>
      ),
    },
    {
      key: 'kind',
      header: t('units.kind'),
      render: ({ unit }) => (
        <>
          {t(`units.kinds.${unit.kind}`)}
          {unit.servesExternalClients && (
            <div className="muted">{t('units.servesExternalClients')}</div>
          )}
        </>
      ),
    },
    {
      key: 'contacts',
      header: t('directory.contacts'),
      render: ({ unit }) => (
        <>
          {unit.address && <div>{unit.address}</div>}
          {unit.phone && <div>{unit.phone}</div>}
          {unit.email && <div>{unit.email}</div>}
        </>
      ),
    },
    { key: 'hours', header: t('units.openingHours'), render: ({ unit }) => hoursSummary(unit) },
    {
      key: 'staff',
      header: t('units.staffCount'),
      className: 'cell-number',
      render: ({ unit }) => unit.staffCount,
    },
    ...(mayManage
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            className: 'cell-actions',
            render: ({ unit }: Row) => (
              <button
                type="button"
                className="button-link"
                onClick={() => setEditing(unit)}
                aria-label={`${t('common.edit')}: ${unit.name}`}
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
        title={t('units.title')}
        intro={t('units.intro')}
        actions={
          mayManage && (
            <button type="button" className="button-primary" onClick={() => setEditing('new')}>
              {t('units.add')}
            </button>
          )
        }
      />
      {saved && <SuccessNotice>{t('common.saved')}</SuccessNotice>}
      {units.isPending ? (
        <Loading />
      ) : units.isError ? (
        <ErrorNotice error={units.error} onRetry={() => void units.refetch()} />
      ) : units.data.length === 0 ? (
        <EmptyState title={t('units.empty')} />
      ) : (
        <DataTable
          caption={t('units.title')}
          columns={columns}
          rows={unitTreeOrder(units.data)}
          rowKey={({ unit }) => unit.id}
        />
      )}
      <Dialog
        title={editing === 'new' ? t('units.newTitle') : t('units.editTitle')}
        open={editing !== null}
        onClose={() => setEditing(null)}
      >
        <UnitForm
          unit={editing === 'new' ? null : editing}
          units={units.data ?? []}
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
