import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { markNewsRead, useReloadNews, useUnreadNews } from '../../api/knowledge';
import { ActionError, useAction } from '../../ui/server-form';

/**
 * On arrival, the news one has not read yet, above every page until marked read or hidden: one
 * line with the newest title, unfolded to the list to mark items read. Not on the news page
 * itself, which shows them anyway.
 */
export function UnreadNews() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const news = useUnreadNews();
  const reload = useReloadNews();
  const [hidden, setHidden] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const listId = useId();
  const region = useRef<HTMLElement>(null);
  const markRead = useAction({
    run: markNewsRead,
    onDone: reload,
    // The item leaves the list: the region keeps the reader's place, or, when the last one goes
    // and the region with it, the page's content does.
    onSuccess: () => (items.length > 1 ? region.current : document.getElementById('main'))?.focus(),
  });
  const items = news.data?.items ?? [];
  if (hidden || pathname === '/news' || items.length === 0) return null;
  const more = (news.data?.unread ?? 0) - items.length;

  const first = items[0];

  return (
    <section
      ref={region}
      className="unread-news no-print"
      role="region"
      aria-label={t('news.unreadRegion')}
      tabIndex={-1}
    >
      {/* One line while folded, so the page below starts where it always does. */}
      <div className="unread-news-header">
        {/* Not a heading: it stands above the page's own first heading. */}
        <p className="unread-news-title">
          {t('news.unreadHeading', { count: news.data?.unread ?? items.length })}
        </p>
        {!expanded && first && (
          <span className="unread-news-first">
            {first.important && (
              <span className="badge badge-danger">{t('news.importantBadge')}</span>
            )}{' '}
            <Link to="/news">{first.title}</Link>
          </span>
        )}
        <button
          type="button"
          className="button-link unread-news-toggle"
          aria-expanded={expanded}
          aria-controls={listId}
          onClick={() => setExpanded((open) => !open)}
        >
          {expanded ? t('news.foldUnread') : t('news.unfoldUnread')}
        </button>
        <button
          type="button"
          className="button-icon"
          aria-label={t('news.hideUnread')}
          title={t('news.hideUnread')}
          onClick={() => setHidden(true)}
        >
          ×
        </button>
      </div>
      <div id={listId} hidden={!expanded}>
        <ActionError error={markRead.error} />
        <ul className="plain-list">
          {items.map((item) => (
            <li key={item.id}>
              <span>
                {item.important && (
                  <span className="badge badge-danger">{t('news.importantBadge')}</span>
                )}{' '}
                <Link to="/news">{item.title}</Link>
              </span>
              <button
                type="button"
                className="button-link"
                aria-label={`${t('news.markRead')}: ${item.title}`}
                disabled={markRead.isPending}
                onClick={() => markRead.mutate(item.id)}
              >
                {t('news.markRead')}
              </button>
            </li>
          ))}
        </ul>
        {more > 0 && (
          <p>
            <Link to="/news?show=unread">{t('news.moreUnread', { count: more })}</Link>
          </p>
        )}
      </div>
    </section>
  );
}
