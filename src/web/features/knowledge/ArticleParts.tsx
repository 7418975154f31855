import { useTranslation } from 'react-i18next';
import type { TArticleSummary, TSnippet } from '../../../contracts/articles.contracts';
import { addCalendarMonths } from '../../../domain/deadlines';
import { rigaDateOf } from '../../../domain/riga-time';

// The contract's lists would bring zod into the web app; `satisfies` checks each name.
export const ARTICLE_KINDS = [
  'faq',
  'guide',
  'procedure',
  'training',
] as const satisfies ReadonlyArray<TArticleSummary['kind']>;
export const VISIBILITIES = ['internal', 'public'] as const satisfies ReadonlyArray<
  TArticleSummary['visibility']
>;
export const ARTICLE_LANGUAGES = ['lv', 'en'] as const satisfies ReadonlyArray<
  TArticleSummary['language']
>;

/** An article is checked again a year after it was written or last checked, unless said. */
export const nextYear = () => addCalendarMonths(rigaDateOf(new Date()), 12);

/** A piece of text with the searched words marked. */
export function Snippet(props: { parts: TSnippet }) {
  if (props.parts.length === 0) return null;
  return (
    <p className="snippet">
      {props.parts.map((part, index) =>
        part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </p>
  );
}

/** Kind, visibility and language, as small labels. */
export function ArticleBadges(props: { article: TArticleSummary; language?: boolean }) {
  const { t } = useTranslation();
  const { article } = props;
  return (
    <span className="article-badges">
      <span className="badge">{t(`knowledge.kinds.${article.kind}`)}</span>{' '}
      <span className={article.visibility === 'public' ? 'badge badge-ok' : 'badge'}>
        {t(`knowledge.visibilities.${article.visibility}`)}
      </span>
      {props.language && (
        <>
          {' '}
          <span className="badge">{t(`knowledge.languages.${article.language}`)}</span>
        </>
      )}
    </span>
  );
}

/** The sign that an article's review date has passed. */
export function OverdueBadge(props: { overdue: boolean }) {
  const { t } = useTranslation();
  if (!props.overdue) return null;
  return <span className="badge badge-danger">{t('knowledge.reviewOverdue')}</span>;
}
