import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TFeedbackSummary } from '../../../contracts/feedback.contracts';
import { useSession } from '../../app/session';
import type { Column } from '../../ui/DataTable';
import { ChoiceFilter, SearchFilter } from '../../ui/Filters';
import { formatDateTime } from '../../ui/format';
import { useListParams } from '../../ui/list-params';
import { PagedList } from '../../ui/PagedList';
import { PageHeader } from '../../ui/PageHeader';
import { UnitFilter } from '../../ui/UnitFilter';
import { CHANNELS, KINDS, LEVELS, STATES } from './feedback-choices';
import { useFeedbackList } from './feedback-queries';
import {
  AnswerDue,
  FeedbackStateBadge,
  isAnswerOverdue,
  KindBadge,
  LevelName,
} from './FeedbackParts';
import { rigaDateOf } from '../../../domain/riga-time';

const DEFAULTS = { q: '', kind: '', state: '', unitId: '', channel: '', escalationLevel: '' };
const PAGE_SIZE = 25;

/**
 * The registry of praise, complaints and suggestions (clauses 25–26): the server returns only
 * what the viewer may see, so the same page serves the head, a unit head and the Ethics
 * commission.
 */
export function FeedbackListPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { values, page, update } = useListParams(DEFAULTS);
  const list = useFeedbackList({ ...values, page, pageSize: PAGE_SIZE });
  const today = rigaDateOf(new Date());
  const columns: Array<Column<TFeedbackSummary>> = [
    {
      key: 'reference',
      header: t('feedback.reference'),
      // A reference is read as one word: never broken at its hyphens.
      render: (item) => (
        <Link to={`/quality/feedback/${item.id}`} style={{ whiteSpace: 'nowrap' }}>
          {item.reference}
        </Link>
      ),
    },
    {
      key: 'received',
      header: t('feedback.received'),
      render: (item) => formatDateTime(item.receivedAt),
    },
    {
      key: 'kind',
      header: t('feedback.kind'),
      render: (item) => <KindBadge kind={item.kind} />,
    },
    { key: 'unit', header: t('feedback.unit'), render: (item) => item.unit.name },
    {
      key: 'staff',
      header: t('feedback.staff'),
      render: (item) =>
        item.staff ? item.staff.name : <span className="muted">{t('feedback.noStaff')}</span>,
    },
    {
      key: 'state',
      header: t('feedback.state'),
      render: (item) => <FeedbackStateBadge state={item.state} />,
    },
    {
      key: 'answerDue',
      header: t('feedback.answerDue'),
      render: (item) => <AnswerDue item={item} />,
    },
    {
      key: 'level',
      header: t('feedback.level'),
      render: (item) => <LevelName level={item.escalationLevel} short />,
    },
  ];
  return (
    <>
      <PageHeader
        title={t('feedback.title')}
        intro={t('feedback.intro')}
        actions={
          can('feedback.register') && (
            <Link className="button-primary" to="/quality/feedback/new">
              {t('feedback.register')}
            </Link>
          )
        }
      />
      <div className="filters" role="search">
        <SearchFilter
          id="feedback-q"
          label={t('feedback.searchLabel')}
          value={values.q}
          onChange={(q) => update({ q })}
        />
        <ChoiceFilter
          id="feedback-kind"
          label={t('feedback.kind')}
          value={values.kind}
          onChange={(kind) => update({ kind })}
          options={KINDS.map((kind) => ({ value: kind, label: t(`feedback.kinds.${kind}`) }))}
        />
        <ChoiceFilter
          id="feedback-state"
          label={t('feedback.state')}
          value={values.state}
          onChange={(state) => update({ state })}
          options={STATES.map((state) => ({ value: state, label: t(`feedback.states.${state}`) }))}
        />
        <UnitFilter
          id="feedback-unit"
          label={t('feedback.unit')}
          value={values.unitId}
          onChange={(unitId) => update({ unitId })}
        />
        <ChoiceFilter
          id="feedback-channel"
          label={t('feedback.channel')}
          value={values.channel}
          onChange={(channel) => update({ channel })}
          options={CHANNELS.map((channel) => ({
            value: channel,
            label: t(`deadlines.channels.${channel}`),
          }))}
        />
        <ChoiceFilter
          id="feedback-level"
          label={t('feedback.level')}
          value={values.escalationLevel}
          allLabel={t('feedback.anyLevel')}
          onChange={(escalationLevel) => update({ escalationLevel })}
          options={[
            ...LEVELS.map((level) => ({ value: level, label: t(`feedback.levels.${level}`) })),
            { value: 'none', label: t('feedback.notEscalatedFilter') },
          ]}
        />
      </div>
      <PagedList
        query={list}
        caption={t('feedback.listCaption')}
        columns={columns}
        rowKey={(item) => item.id}
        rowClassName={(item) => (isAnswerOverdue(item, today) ? 'row-overdue' : undefined)}
        emptyTitle={t('feedback.empty')}
        emptyHint={t('common.emptyFilterHint')}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(next) => update({ page: String(next) })}
      />
    </>
  );
}
