import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TArticleHit } from '../../../contracts/articles.contracts';
import { rigaDateOf } from '../../../domain/riga-time';
import { useArticles } from '../../api/knowledge';
import { useSession } from '../../app/session';
import type { Column } from '../../ui/DataTable';
import { useDebouncedInput } from '../../ui/debounced-input';
import { ChoiceFilter } from '../../ui/Filters';
import { formatDate, fullName } from '../../ui/format';
import { useListParams } from '../../ui/list-params';
import { PagedList } from '../../ui/PagedList';
import { PageHeader } from '../../ui/PageHeader';
import {
  ARTICLE_KINDS,
  ARTICLE_LANGUAGES,
  OverdueBadge,
  Snippet,
  VISIBILITIES,
} from './ArticleParts';

const DEFAULTS = { q: '', kind: '', visibility: '', language: '', ownerId: '' };
const PAGE_SIZE = 25;

/** The knowledge base: every article, found by words (ranked) or narrowed by kind and audience. */
export function KnowledgePage() {
  const { t } = useTranslation();
  const { me, can } = useSession();
  const { values, page, update } = useListParams(DEFAULTS);
  const search = useDebouncedInput(values.q, (q) => update({ q }));
  const list = useArticles({ ...values, q: values.q.trim(), page, pageSize: PAGE_SIZE });
  const searching = values.q.trim() !== '';

  const columns: Array<Column<TArticleHit>> = [
    {
      key: 'title',
      header: t('knowledge.articleTitle'),
      render: (article) => (
        <>
          <Link to={`/knowledge/${article.id}`} className="article-link">
            {article.title}
          </Link>
          {searching && article.snippet.length > 0 ? (
            <Snippet parts={article.snippet} />
          ) : (
            article.summary && <p className="snippet">{article.summary}</p>
          )}
        </>
      ),
    },
    {
      key: 'kind',
      header: t('knowledge.kind'),
      render: (article) => (
        <>
          {t(`knowledge.kinds.${article.kind}`)}
          {article.language !== 'lv' && (
            <div className="muted">{t(`knowledge.languages.${article.language}`)}</div>
          )}
        </>
      ),
    },
    {
      key: 'visibility',
      header: t('knowledge.visibility'),
      render: (article) => (
        <span className={article.visibility === 'public' ? 'badge badge-ok' : 'badge'}>
          {t(`knowledge.visibilities.${article.visibility}`)}
        </span>
      ),
    },
    {
      key: 'owner',
      header: t('knowledge.owner'),
      render: (article) => fullName(article.owner),
    },
    {
      key: 'checked',
      header: t('knowledge.checked'),
      render: (article) => (
        <>
          <div>{formatDate(rigaDateOf(new Date(article.checkedAt)))}</div>
          <OverdueBadge overdue={article.reviewOverdue} />
        </>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('knowledge.title')}
        intro={t('knowledge.intro')}
        actions={
          can('knowledge.edit') && (
            <Link to="/knowledge/new" className="button-primary">
              {t('knowledge.newArticle')}
            </Link>
          )
        }
      />
      <form
        className="filters"
        role="search"
        aria-label={t('knowledge.filtersLabel')}
        onSubmit={(event) => {
          event.preventDefault();
          search.flush();
        }}
      >
        <div className="field field-wide">
          <label htmlFor="knowledge-q">{t('knowledge.searchLabel')}</label>
          <input
            id="knowledge-q"
            type="search"
            placeholder={t('knowledge.searchPlaceholder')}
            value={search.text}
            onChange={(event) => search.setText(event.target.value)}
          />
        </div>
        <ChoiceFilter
          id="knowledge-kind"
          label={t('knowledge.kind')}
          value={values.kind}
          onChange={(kind) => update({ kind })}
          options={ARTICLE_KINDS.map((kind) => ({
            value: kind,
            label: t(`knowledge.kinds.${kind}`),
          }))}
        />
        <ChoiceFilter
          id="knowledge-visibility"
          label={t('knowledge.visibility')}
          value={values.visibility}
          onChange={(visibility) => update({ visibility })}
          options={VISIBILITIES.map((visibility) => ({
            value: visibility,
            label: t(`knowledge.visibilities.${visibility}`),
          }))}
        />
        <ChoiceFilter
          id="knowledge-language"
          label={t('knowledge.language')}
          value={values.language}
          onChange={(language) => update({ language })}
          options={ARTICLE_LANGUAGES.map((language) => ({
            value: language,
            label: t(`knowledge.languages.${language}`),
          }))}
        />
        <ChoiceFilter
          id="knowledge-owner"
          label={t('knowledge.owner')}
          value={values.ownerId}
          onChange={(ownerId) => update({ ownerId })}
          allLabel={t('knowledge.anyOwner')}
          options={[{ value: me.id, label: t('knowledge.mine') }]}
        />
      </form>
      <PagedList
        query={list}
        emptyTitle={searching ? t('knowledge.noneFound') : t('knowledge.empty')}
        emptyHint={t('common.emptyFilterHint')}
        caption={t('knowledge.title')}
        columns={columns}
        rowKey={(article) => article.id}
        rowClassName={(article) => (article.reviewOverdue ? 'row-review-overdue' : undefined)}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(next) => update({ page: String(next) })}
      />
    </>
  );
}
