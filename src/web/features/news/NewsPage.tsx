import { lazy, Suspense, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TNewsItem } from '../../../contracts/news.contracts';
import {
  markAllNewsRead,
  markNewsRead,
  useNews,
  useNewsReaders,
  useReloadNews,
} from '../../api/knowledge';
import { useSession } from '../../app/session';
import { Dialog } from '../../ui/Dialog';
import { formatDate, formatDateTime, fullName } from '../../ui/format';
import { useListDialog } from '../../ui/list-dialog';
import { useListParams } from '../../ui/list-params';
import { ErrorNotice, Loading, SuccessNotice } from '../../ui/Notice';
import { PagedList } from '../../ui/PagedList';
import { PageHeader } from '../../ui/PageHeader';
import { ActionError, useAction } from '../../ui/server-form';

// The rich-text editor is a large library that only writers need: loaded when a form opens.
const LazyNewsForm = lazy(() =>
  import('./NewsForm').then((module) => ({ default: module.NewsForm })),
);
function NewsForm(props: React.ComponentProps<typeof LazyNewsForm>) {
  return (
    <Suspense fallback={<Loading />}>
      <LazyNewsForm {...props} />
    </Suspense>
  );
}

const DEFAULTS = { show: 'all' };
const PAGE_SIZE = 20;

type DialogState =
  { name: 'create' } | { name: 'edit'; item: TNewsItem } | { name: 'readers'; item: TNewsItem };

/** The organisation's news, newest first; what one has not read yet stands out. */
export function NewsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { values, page, update } = useListParams(DEFAULTS);
  const unreadOnly = values.show === 'unread';
  const news = useNews({ unread: unreadOnly, page, pageSize: PAGE_SIZE });
  const reload = useReloadNews();
  const dialog = useListDialog<DialogState>();
  const open = dialog.subject;
  const readAll = useAction({ run: markAllNewsRead, onDone: reload });
  const unread = news.data?.unread ?? 0;
  const close = dialog.close;

  return (
    <>
      <PageHeader
        title={t('news.title')}
        intro={t('news.intro')}
        actions={
          <>
            {unread > 0 && (
              <button
                type="button"
                className="button-secondary"
                disabled={readAll.isPending}
                onClick={() => readAll.mutate(undefined)}
              >
                {t('news.markAllRead')}
              </button>
            )}
            {can('news.publish') && (
              <button
                type="button"
                className="button-primary"
                onClick={() => dialog.open({ name: 'create' })}
              >
                {t('news.create')}
              </button>
            )}
          </>
        }
      />
      {dialog.notice && <SuccessNotice>{dialog.notice}</SuccessNotice>}
      <ActionError error={readAll.error} />
      <div className="tabs" role="group" aria-label={t('news.show')}>
        <button type="button" aria-pressed={!unreadOnly} onClick={() => update({ show: 'all' })}>
          {t('news.all')}
        </button>
        <button type="button" aria-pressed={unreadOnly} onClick={() => update({ show: 'unread' })}>
          {t('news.unread')}{' '}
          <span className={unread > 0 ? 'count count-new' : 'count'}>{unread}</span>
        </button>
      </div>
      <PagedList
        query={news}
        emptyTitle={unreadOnly ? t('news.noneUnread') : t('news.empty')}
        renderRows={(items) => (
          <ul className="news-list">
            {items.map((item) => (
              <NewsCard
                key={item.id}
                item={item}
                onEdit={() => dialog.open({ name: 'edit', item })}
                onReaders={() => dialog.open({ name: 'readers', item })}
              />
            ))}
          </ul>
        )}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(next) => update({ page: String(next) })}
      />

      <Dialog title={t('news.create')} open={open?.name === 'create'} onClose={close}>
        <NewsForm item={null} onCancel={close} onDone={() => dialog.done(t('news.published'))} />
      </Dialog>
      <Dialog title={t('news.editTitle')} open={open?.name === 'edit'} onClose={close}>
        {open?.name === 'edit' && (
          <NewsForm
            item={open.item}
            onCancel={close}
            onDone={() => dialog.done(t('common.saved'))}
          />
        )}
      </Dialog>
      <Dialog title={t('news.notReadTitle')} open={open?.name === 'readers'} onClose={close}>
        {open?.name === 'readers' && <Readers item={open.item} />}
      </Dialog>
    </>
  );
}

function NewsCard(props: { item: TNewsItem; onEdit: () => void; onReaders: () => void }) {
  const { t } = useTranslation();
  const reload = useReloadNews();
  const { item } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  const markRead = useAction({
    run: () => markNewsRead(item.id),
    onDone: reload,
    // The button goes away: the item's heading keeps the reader's place.
    onSuccess: () => heading.current?.focus(),
  });
  const unread = item.readAt === null;
  const headingId = `news-${item.id}`;
  return (
    <li>
      <article
        className={['news-item', unread && 'news-unread', item.important && 'news-important']
          .filter(Boolean)
          .join(' ')}
        aria-labelledby={headingId}
      >
        <header className="news-header">
          <h2 id={headingId} ref={heading} tabIndex={-1}>
            {item.title}
          </h2>
          <div className="news-flags">
            {unread && <span className="badge badge-new">{t('news.new')}</span>}
            {item.important && (
              <span className="badge badge-danger">{t('news.importantBadge')}</span>
            )}
          </div>
        </header>
        <p className="news-meta muted">
          {formatDateTime(item.publishedAt)}
          {item.author && ` · ${fullName(item.author)}`} ·{' '}
          {item.unit ? item.unit.name : t('news.everyone')}
        </p>
        <div className="article-body" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
        <ActionError error={markRead.error} />
        <div className="news-actions">
          {unread && (
            <button
              type="button"
              className="button-secondary"
              aria-label={`${t('news.markRead')}: ${item.title}`}
              disabled={markRead.isPending}
              onClick={() => markRead.mutate(undefined)}
            >
              {t('news.markRead')}
            </button>
          )}
          {item.canManage && (
            <button
              type="button"
              className="button-secondary"
              aria-label={`${t('common.edit')}: ${item.title}`}
              onClick={props.onEdit}
            >
              {t('common.edit')}
            </button>
          )}
          {item.canSeeReaders && item.important && (
            <button
              type="button"
              className="button-secondary"
              aria-label={`${t('news.notRead')}: ${item.title}`}
              onClick={props.onReaders}
            >
              {t('news.notRead')}
            </button>
          )}
        </div>
      </article>
    </li>
  );
}

/** Of the staff an important item is for, how many have read it and who has not yet. */
function Readers(props: { item: TNewsItem }) {
  const { t } = useTranslation();
  const readers = useNewsReaders(props.item.id);
  if (readers.isPending) return <Loading />;
  if (readers.isError)
    return <ErrorNotice error={readers.error} onRetry={() => void readers.refetch()} />;
  const { audience, read, notRead } = readers.data;
  return (
    <>
      <p>
        <strong>{props.item.title}</strong>
      </p>
      <p>{t('news.readCount', { read, audience })}</p>
      {notRead.length === 0 ? (
        <p className="muted">{t('news.everyoneRead')}</p>
      ) : (
        <ul className="plain-list">
          {notRead.map((person) => (
            <li key={person.id}>
              <span>
                {fullName(person)} <span className="muted">{person.position}</span>
                {person.awayUntil && (
                  <>
                    {' '}
                    <span className="badge badge-warning">
                      {t('news.awayUntil', { date: formatDate(person.awayUntil) })}
                    </span>
                  </>
                )}
              </span>
              <a href={`mailto:${person.email}`}>{person.email}</a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
