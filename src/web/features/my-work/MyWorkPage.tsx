import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TMyWork } from '../../../contracts/my-work.contracts';
import type { TRequestSummary } from '../../../contracts/requests.contracts';
import { useMyWork } from '../../api/cases';
import { formatDate, formatDateTime, formatTime } from '../../ui/format';
import { ErrorNotice, Loading } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { CommitmentText } from '../requests/CommitmentsPanel';
import { ClientName, DueDate } from '../requests/RequestParts';

/** One part of the day's work: its count, its first few items and the way to all of them. */
function Section(props: {
  id: string;
  title: string;
  count: number;
  danger?: boolean;
  empty: string;
  link: { to: string; label: string };
  children: React.ReactNode;
}) {
  const headingId = `my-work-${props.id}`;
  return (
    <section className="my-work-section" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {props.title}{' '}
        <span className={props.danger && props.count > 0 ? 'count count-danger' : 'count'}>
          {props.count}
        </span>
      </h2>
      {props.count === 0 ? <p className="muted">{props.empty}</p> : props.children}
      {props.count > 0 && (
        <p className="my-work-more">
          <Link to={props.link.to}>{props.link.label}</Link>
        </p>
      )}
    </section>
  );
}

function RequestItems(props: { items: TRequestSummary[] }) {
  return (
    <ul className="plain-list my-work-list">
      {props.items.map((request) => (
        <li key={request.id}>
          <span>
            <Link to={`/requests/${request.id}`}>{request.number}</Link> {request.service}
            <span className="muted">
              {' · '}
              <ClientName client={request.client} />
            </span>
          </span>
          <span className="my-work-due">
            <DueDate request={request} />
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The start page of a working day (Mans darbs): what is due, what came referred, the promises
 * falling due, who waits and the important news not yet read. A unit head sees their units'.
 */
export function MyWorkPage() {
  const { t } = useTranslation();
  const work = useMyWork();
  return (
    <>
      <PageHeader
        title={t('myWork.title')}
        intro={
          work.data
            ? t(work.data.scope === 'unit' ? 'myWork.introUnit' : 'myWork.intro', {
                date: formatDate(work.data.date),
              })
            : undefined
        }
      />
      {work.isPending && <Loading />}
      {work.isError && <ErrorNotice error={work.error} onRetry={() => void work.refetch()} />}
      {work.data && <Sections data={work.data} />}
    </>
  );
}

function Sections({ data }: { data: TMyWork }) {
  const { t } = useTranslation();
  // A head's lists are the unit's; a clerk's own requests sit at the top of "mine".
  const unit = data.scope === 'unit';
  return (
    <div className="my-work">
      <Section
        id="overdue"
        title={t('myWork.overdue')}
        count={data.overdue.count}
        danger
        empty={t('myWork.noneOverdue')}
        link={{
          to: unit ? '/requests?list=overdue' : '/requests?list=mine',
          label: t('myWork.openList'),
        }}
      >
        <RequestItems items={data.overdue.items} />
      </Section>
      <Section
        id="due-today"
        title={t('myWork.dueToday')}
        count={data.dueToday.count}
        empty={t('myWork.noneDueToday')}
        link={{
          to: unit ? '/requests?list=due-today' : '/requests?list=mine',
          label: t('myWork.openList'),
        }}
      >
        <RequestItems items={data.dueToday.items} />
      </Section>
      <Section
        id="referred"
        title={t(unit ? 'myWork.referredUnit' : 'myWork.referred')}
        count={data.referred.count}
        empty={t('myWork.noneReferred')}
        link={{
          to: unit ? '/requests?list=unit' : '/requests?list=referred',
          label: t('myWork.openList'),
        }}
      >
        <RequestItems items={data.referred.items} />
      </Section>
      <Section
        id="commitments"
        title={t('myWork.commitments')}
        count={data.commitments.count}
        danger
        empty={t('myWork.noneCommitments')}
        link={{ to: '/requests', label: t('myWork.openCommitments') }}
      >
        <ul className="plain-list my-work-list">
          {data.commitments.items.map((commitment) => (
            <li key={commitment.id}>
              <span>
                <CommitmentText commitment={commitment} />
              </span>
              <Link to={`/requests/${commitment.requestId}`}>{commitment.requestNumber}</Link>
            </li>
          ))}
        </ul>
      </Section>
      <Section
        id="queue"
        title={t('myWork.queue')}
        count={data.queue.count}
        empty={t('myWork.noneQueue')}
        link={{ to: '/queue', label: t('myWork.openQueue') }}
      >
        <ol className="plain-list my-work-list">
          {data.queue.items.map((entry) => (
            <li key={entry.id}>
              <span>
                <ClientName client={entry.client} />
                {entry.services.length > 0 && (
                  <span className="muted"> · {entry.services.join('; ')}</span>
                )}
              </span>
              <span className="muted">
                {t('myWork.waitingSince', {
                  time: formatTime(entry.arrivedAt),
                  minutes: entry.minutesWaiting,
                })}
              </span>
            </li>
          ))}
        </ol>
      </Section>
      <Section
        id="news"
        title={t('myWork.news')}
        count={data.news.count}
        empty={t('myWork.noneNews')}
        link={{ to: '/news?show=unread', label: t('myWork.openNews') }}
      >
        <ul className="plain-list my-work-list">
          {data.news.items.map((item) => (
            <li key={item.id}>
              <Link to="/news?show=unread">{item.title}</Link>
              <span className="muted">{formatDateTime(item.publishedAt)}</span>
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
