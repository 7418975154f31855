import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TReviewItem } from '../../../contracts/articles.contracts';
import { addCalendarDays, rigaDateOf } from '../../../domain/riga-time';
import { useReviewList } from '../../api/catalogue';
import { useSession } from '../../app/session';
import type { Column } from '../../ui/DataTable';
import { Dialog } from '../../ui/Dialog';
import { formatDate, formatDateTime, fullName } from '../../ui/format';
import { useListDialog } from '../../ui/list-dialog';
import { useListParams } from '../../ui/list-params';
import { SuccessNotice } from '../../ui/Notice';
import { PagedList } from '../../ui/PagedList';
import { PageHeader } from '../../ui/PageHeader';
import { MarkReviewedForm } from './MarkReviewedForm';

const SCOPES = ['mine', 'all'] as const;
type Scope = (typeof SCOPES)[number];

/** How far ahead the list looks: what is due by today, or also what falls due soon. */
const HORIZON_DAYS = { today: 0, month: 30, quarter: 90 } as const;
type Horizon = keyof typeof HORIZON_DAYS;

const DEFAULTS = { scope: 'mine', horizon: 'today' };
const PAGE_SIZE = 25;

const addressOf = (item: Pick<TReviewItem, 'type' | 'id'>) =>
  item.type === 'article' ? `/knowledge/${item.id}` : `/services/${item.id}`;

/** "Jāpārskata": articles and service cards whose review date has come, oldest first. */
export function ReviewsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { values, page, update } = useListParams(DEFAULTS);
  const mayEditAll = can('knowledge.edit');
  // Everyone's list is for editors; anyone else sees their own whatever the address says.
  const scope: Scope = values.scope === 'all' && mayEditAll ? 'all' : 'mine';
  const horizon: Horizon = values.horizon in HORIZON_DAYS ? (values.horizon as Horizon) : 'today';
  const today = rigaDateOf(new Date());
  const list = useReviewList({
    scope,
    dueBy: addCalendarDays(today, HORIZON_DAYS[horizon]),
    page,
  });
  const dialog = useListDialog<Pick<TReviewItem, 'type' | 'id'>>();
  const marking = dialog.subject;
  // The version comes from the list as it is now: after a conflict it has been reloaded.
  const markingItem = marking
    ? list.data?.items.find((item) => item.type === marking.type && item.id === marking.id)
    : undefined;
  // The server says whom each item lets mark it reviewed (`can`): its rule is not repeated here.
  const mayMark = (item: TReviewItem) => item.can.edit;

  const columns: Array<Column<TReviewItem>> = [
    {
      key: 'type',
      header: t('reviews.type'),
      render: (item) => <span className="badge">{t(`reviews.types.${item.type}`)}</span>,
    },
    {
      key: 'title',
      header: t('reviews.itemTitle'),
      render: (item) => <Link to={addressOf(item)}>{item.title}</Link>,
    },
    ...(scope === 'all'
      ? [
          {
            key: 'owner',
            header: t('reviews.owner'),
            render: (item: TReviewItem) => fullName(item.owner),
          },
        ]
      : []),
    {
      key: 'reviewOn',
      header: t('reviews.reviewOn'),
      render: (item) => (
        <>
          {formatDate(item.reviewOn)}
          <div className="muted">
            {item.checkedAt
              ? t('reviews.checkedAt', { at: formatDateTime(item.checkedAt) })
              : t('reviews.neverChecked')}
          </div>
        </>
      ),
    },
    {
      key: 'overdue',
      header: t('reviews.overdue'),
      render: (item) =>
        item.daysOverdue > 0 ? (
          <span className="badge badge-danger">
            {t('reviews.daysOverdue', { count: item.daysOverdue })}
          </span>
        ) : item.reviewOn <= today ? (
          <span className="badge badge-warning">{t('reviews.dueToday')}</span>
        ) : (
          <span className="muted">{t('reviews.dueOn', { date: formatDate(item.reviewOn) })}</span>
        ),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      className: 'cell-actions',
      render: (item) =>
        mayMark(item) && (
          <button
            type="button"
            className="button-secondary"
            aria-label={`${t('reviews.mark')}: ${item.title}`}
            onClick={() => dialog.open({ type: item.type, id: item.id })}
          >
            {t('reviews.mark')}
          </button>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('reviews.title')} intro={t('reviews.intro')} />
      {mayEditAll && (
        <div className="tabs" role="group" aria-label={t('reviews.scopeLabel')}>
          {SCOPES.map((name) => (
            <button
              key={name}
              type="button"
              aria-pressed={scope === name}
              onClick={() => update({ scope: name })}
            >
              {t(`reviews.scopes.${name}`)}
            </button>
          ))}
        </div>
      )}
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="reviews-horizon">{t('reviews.horizon')}</label>
          <select
            id="reviews-horizon"
            value={horizon}
            onChange={(event) => update({ horizon: event.target.value })}
          >
            {(Object.keys(HORIZON_DAYS) as Horizon[]).map((name) => (
              <option key={name} value={name}>
                {t(`reviews.horizons.${name}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {dialog.notice && <SuccessNotice>{dialog.notice}</SuccessNotice>}
      <PagedList
        query={list}
        emptyTitle={t('reviews.empty')}
        caption={t(`reviews.captions.${scope}`)}
        columns={columns}
        rowKey={(item) => `${item.type}-${item.id}`}
        rowClassName={(item) => (item.daysOverdue > 0 ? 'row-overdue' : undefined)}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(next) => update({ page: String(next) })}
      />
      <Dialog title={t('reviews.mark')} open={markingItem !== undefined} onClose={dialog.close}>
        {markingItem && (
          <MarkReviewedForm
            target={markingItem}
            title={markingItem.title}
            onDone={(nextReviewOn) =>
              dialog.done(
                t('reviews.markedItem', {
                  title: markingItem.title,
                  date: formatDate(nextReviewOn),
                }),
              )
            }
            onCancel={dialog.close}
          />
        )}
      </Dialog>
    </>
  );
}
