import { useId, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { TArticle } from '../../../contracts/articles.contracts';
import { addCalendarDays, rigaDateOf } from '../../../domain/riga-time';
import { api } from '../../api/client';
import { useArticle, useArticleVersions, useReloadKnowledge } from '../../api/knowledge';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { formatDate, formatDateTime, fullName } from '../../ui/format';
import { FormActions, FormError } from '../../ui/FormParts';
import { ErrorNotice, Loading, SuccessNotice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { ActionError, useAction, useServerForm } from '../../ui/server-form';
import { useSession } from '../../app/session';
import { ArticleFiles } from './ArticleFiles';
import { ArticleBadges, OverdueBadge, nextYear } from './ArticleParts';
import { ArticleVersions } from './ArticleVersions';

/** One article: what it says, who keeps it true and when it was checked, its files and versions. */
export function ArticlePage() {
  const { id = '' } = useParams();
  // Another article (a link in the text) starts afresh: no message or comparison carried over.
  return <ArticleView key={id} id={id} />;
}

function ArticleView(props: { id: string }) {
  const { t } = useTranslation();
  const { id } = props;
  const navigate = useNavigate();
  const article = useArticle(id);
  // Loaded alongside the article, not after it.
  const versions = useArticleVersions(id);
  // Whether the viewer may change the article: the server decides (`can`).
  const mayEdit = article.data?.can.edit ?? false;
  const { can } = useSession();
  const reload = useReloadKnowledge();
  const [reviewing, setReviewing] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const archive = useAction({
    run: (shown: TArticle) => api.delete(`/articles/${shown.id}`, { version: shown.version }),
    onDone: reload,
    onSuccess: () => void navigate('/knowledge'),
  });
  const [message, setMessage] = useState<string | null>(null);
  if (article.isPending) return <Loading />;
  if (article.isError)
    return <ErrorNotice error={article.error} onRetry={() => void article.refetch()} />;
  const shown = article.data;

  return (
    <>
      <PageHeader
        title={shown.title}
        actions={
          <>
            {mayEdit && (
              <Link to={`/knowledge/${shown.id}/edit`} className="button-secondary">
                {t('common.edit')}
              </Link>
            )}
            {mayEdit && (
              <button type="button" className="button-secondary" onClick={() => setReviewing(true)}>
                {t('knowledge.markReviewed')}
              </button>
            )}
            <a href={`/api/v1/articles/${shown.id}/pdf`} className="button-secondary" download>
              {t('knowledge.downloadPdf')}
            </a>
            <button type="button" className="button-secondary" onClick={() => window.print()}>
              {t('knowledge.print')}
            </button>
            {can('knowledge.edit') && (
              <button
                type="button"
                className="button-secondary button-destructive"
                onClick={() => setArchiving(true)}
              >
                {t('knowledge.archive')}
              </button>
            )}
          </>
        }
      />
      {message && <SuccessNotice>{message}</SuccessNotice>}
      {shown.reviewOverdue && (
        <div className="notice notice-warning" role="status">
          {t('knowledge.overdueNotice', { date: formatDate(shown.reviewOn) })}
        </div>
      )}
      <ArticleFacts article={shown} />

      <article className="article" lang={shown.language}>
        {shown.summary && <p className="article-summary">{shown.summary}</p>}
        <div
          className="article-body"
          onClick={(event) => followInAppLink(event, (path) => void navigate(path))}
          dangerouslySetInnerHTML={{ __html: shown.bodyHtml }}
        />
      </article>

      <div className="sections article-sections">
        <section aria-labelledby="article-files" className="panel panel-wide">
          <h2 id="article-files">{t('knowledge.files')}</h2>
          <ArticleFiles article={shown} editable={mayEdit} />
        </section>
        <section aria-labelledby="article-versions" className="panel panel-wide article-versions">
          <h2 id="article-versions">{t('knowledge.versions')}</h2>
          <ArticleVersions
            article={shown}
            versions={versions}
            editable={mayEdit}
            onRestored={(revision) => setMessage(t('knowledge.restored', { revision }))}
          />
        </section>
      </div>

      <Dialog
        title={t('knowledge.archive')}
        open={archiving}
        onClose={() => {
          setArchiving(false);
          archive.reset();
        }}
      >
        <p>{t('knowledge.archiveText', { title: shown.title })}</p>
        <ActionError error={archive.error} />
        <div className="form-actions">
          <button
            type="button"
            className="button-primary button-destructive"
            disabled={archive.isPending}
            onClick={() => archive.mutate(shown)}
          >
            {t('knowledge.archive')}
          </button>
          <button type="button" className="button-secondary" onClick={() => setArchiving(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </Dialog>
      <Dialog
        title={t('knowledge.markReviewed')}
        open={reviewing}
        onClose={() => setReviewing(false)}
      >
        <ReviewedForm
          article={shown}
          onCancel={() => setReviewing(false)}
          onDone={() => {
            setReviewing(false);
            setMessage(t('knowledge.reviewedDone'));
          }}
        />
      </Dialog>
    </>
  );
}

/**
 * A link in the text to another page of the app opens it without reloading the app; files, the
 * public pages and other sites load as usual, and so does a click meant for a new tab.
 */
function followInAppLink(event: MouseEvent, go: (path: string) => void) {
  const link = (event.target as HTMLElement).closest('a');
  const href = link?.getAttribute('href') ?? '';
  const modified = event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey;
  if (!link || modified || link.target === '_blank') return;
  if (!href.startsWith('/') || href.startsWith('//') || /^\/(api|public)\//.test(href)) return;
  event.preventDefault();
  go(href);
}

function ArticleFacts(props: { article: TArticle }) {
  const { t } = useTranslation();
  const { article } = props;
  return (
    <dl className="facts article-facts">
      <dt>{t('knowledge.kind')}</dt>
      <dd>
        <ArticleBadges article={article} language />
      </dd>
      <dt>{t('knowledge.lastChecked')}</dt>
      <dd>{formatDate(rigaDateOf(new Date(article.checkedAt)))}</dd>
      <dt>{t('knowledge.nextReview')}</dt>
      <dd>
        {formatDate(article.reviewOn)} <OverdueBadge overdue={article.reviewOverdue} />
      </dd>
      <dt>{t('knowledge.owner')}</dt>
      <dd>
        {fullName(article.owner)}
        <span className="muted">, {article.owner.position}</span>
        <div className="contact-links">
          {article.owner.phone && (
            <a href={`tel:${article.owner.phone.replace(/\s/g, '')}`}>{article.owner.phone}</a>
          )}
          <a href={`mailto:${article.owner.email}`}>{article.owner.email}</a>
        </div>
      </dd>
      <dt>{t('knowledge.updated')}</dt>
      <dd>
        {formatDateTime(article.updatedAt)}
        {article.updatedBy && ` · ${article.updatedBy.name}`} ·{' '}
        {t('knowledge.revision', { revision: article.revision })}
      </dd>
      {article.services.length > 0 && (
        <>
          <dt>{t('knowledge.services')}</dt>
          <dd>
            <ul className="inline-list">
              {article.services.map((service) => (
                <li key={service.id}>
                  <Link to={`/services/${service.id}`}>{service.name}</Link>
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {article.publicPath && (
        <>
          <dt>{t('knowledge.publicLink')}</dt>
          <dd>
            <PublicLink path={article.publicPath} />
          </dd>
        </>
      )}
    </dl>
  );
}

/** The address of the article's public page, to open or to copy into a letter to a resident. */
function PublicLink(props: { path: string }) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const address = new URL(props.path, window.location.origin).href;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(address);
      setCopied(true);
    } catch {
      // Without clipboard access (e.g. plain http) the address is selected for Ctrl+C instead.
      input.current?.select();
    }
  };
  return (
    <div className="public-link">
      <label htmlFor={id} className="visually-hidden">
        {t('knowledge.publicLink')}
      </label>
      <input
        id={id}
        ref={input}
        readOnly
        value={address}
        onFocus={(event) => event.target.select()}
      />
      <button type="button" className="button-secondary" onClick={() => void copy()}>
        {t('common.copy')}
      </button>
      <a href={props.path} target="_blank" rel="noopener">
        {t('knowledge.openPublic')}
      </a>
      <span role="status" className="muted">
        {copied ? t('common.copied') : ''}
      </span>
    </div>
  );
}

/** The owner or an editor checked the article: it is true as of today, next check on the date. */
function ReviewedForm(props: { article: TArticle; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const reload = useReloadKnowledge();
  const { article } = props;
  const { form, errors, formError, busy, onSubmit } = useServerForm<{ nextReviewOn: string }>({
    defaultValues: { nextReviewOn: nextYear() },
    fields: ['nextReviewOn'],
    send: (values) =>
      api.post(`/articles/${article.id}/reviewed`, {
        nextReviewOn: values.nextReviewOn,
        version: article.version,
      }),
    onSaved: async () => {
      await reload();
      props.onDone();
    },
    onConflict: reload,
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <p>{t('knowledge.markReviewedIntro')}</p>
      <Field label={t('knowledge.nextReview')} required error={errors.nextReviewOn?.message}>
        <input
          type="date"
          min={addCalendarDays(rigaDateOf(new Date()), 1)}
          {...form.register('nextReviewOn')}
        />
      </Field>
      <FormActions
        busy={busy}
        onCancel={props.onCancel}
        submitLabel={t('knowledge.markReviewed')}
      />
    </form>
  );
}
