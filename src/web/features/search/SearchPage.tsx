import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { TSearchResults } from '../../../contracts/articles.contracts';
import { useSearch } from '../../api/knowledge';
import { useDebouncedInput } from '../../ui/debounced-input';
import { fullName } from '../../ui/format';
import { EmptyState, ErrorNotice, Loading } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { ArticleBadges, OverdueBadge, Snippet } from '../knowledge/ArticleParts';

const LIMIT = 8;

type Person = TSearchResults['people'][number];

/** One search box over articles, services and colleagues; the words stay in the address. */
export function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const search = useDebouncedInput(q, (text) =>
    setParams(text.trim() ? { q: text } : {}, { replace: true }),
  );
  const results = useSearch(q, LIMIT);
  const words = q.trim();

  return (
    <>
      <PageHeader title={t('search.title')} intro={t('search.intro')} />
      <form
        className="search-box"
        role="search"
        aria-label={t('search.title')}
        onSubmit={(event) => {
          event.preventDefault();
          search.flush();
        }}
      >
        <label htmlFor="search-q">{t('search.label')}</label>
        <div className="search-box-row">
          <input
            id="search-q"
            type="search"
            autoFocus
            autoComplete="off"
            placeholder={t('search.placeholder')}
            value={search.text}
            onChange={(event) => search.setText(event.target.value)}
          />
          <button type="submit" className="button-primary">
            {t('search.submit')}
          </button>
        </div>
      </form>
      {words === '' ? (
        <p className="muted">{t('search.hint')}</p>
      ) : results.isPending ? (
        <Loading />
      ) : results.isError ? (
        <ErrorNotice error={results.error} onRetry={() => void results.refetch()} />
      ) : (
        <Results results={results.data} words={words} />
      )}
    </>
  );
}

function Results(props: { results: TSearchResults; words: string }) {
  const { t } = useTranslation();
  const { results, words } = props;
  const { totals } = results;
  const found = totals.articles + totals.services + totals.people;
  const encoded = encodeURIComponent(words);
  return (
    <div className="search-results">
      <p className="result-count" role="status">
        {found === 0 ? t('search.nothing', { words }) : t('search.found', { count: found, words })}
      </p>
      {found === 0 && (
        <EmptyState title={t('search.nothingTitle')} hint={t('search.nothingHint')} />
      )}
      {found > 0 && (
        <>
          <Group
            id="search-articles"
            title={t('search.articles')}
            shown={results.articles.length}
            total={totals.articles}
            more={{ to: `/knowledge?q=${encoded}`, label: t('search.allArticles') }}
          >
            {results.articles.map((article) => (
              <li key={article.id} className="search-hit">
                <Link to={`/knowledge/${article.id}`} className="hit-title">
                  {article.title}
                </Link>{' '}
                <ArticleBadges article={article} /> <OverdueBadge overdue={article.reviewOverdue} />
                <Snippet parts={article.snippet} />
              </li>
            ))}
          </Group>
          <Group
            id="search-services"
            title={t('search.services')}
            shown={results.services.length}
            total={totals.services}
            more={{ to: `/services?q=${encoded}`, label: t('search.allServices') }}
          >
            {results.services.map((service) => (
              <li key={service.id} className="search-hit">
                <Link to={`/services/${service.id}`} className="hit-title">
                  {service.name}
                </Link>{' '}
                <span className="badge">{t(`cases.kinds.${service.kind}`)}</span>
                {service.institution && <div className="muted">{service.institution.name}</div>}
                <Snippet parts={service.snippet} />
              </li>
            ))}
          </Group>
          <Group
            id="search-people"
            title={t('search.people')}
            shown={results.people.length}
            total={totals.people}
            more={{ to: `/?q=${encoded}`, label: t('search.allPeople') }}
          >
            {results.people.map((person) => (
              <PersonResult key={person.id} person={person} />
            ))}
          </Group>
        </>
      )}
    </div>
  );
}

/** One kind of result under its heading with its count; a link to the full list when cut short. */
function Group(props: {
  id: string;
  title: string;
  shown: number;
  total: number;
  more: { to: string; label: string };
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={props.id} className="search-group">
      <h2 id={props.id}>
        {props.title} <span className="count">{props.total}</span>
      </h2>
      {props.total === 0 ? (
        <p className="muted">{t('search.noneOfKind')}</p>
      ) : (
        <>
          <ul className="search-hits">{props.children}</ul>
          {props.total > props.shown && (
            <p>
              <Link to={props.more.to}>
                {props.more.label} ({props.total})
              </Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}

function PersonResult(props: { person: Person }) {
  const { t } = useTranslation();
  const { person } = props;
  return (
    <li className="search-hit person-hit">
      <div>
        <strong>{fullName(person)}</strong>
        <span className="muted">, {person.position}</span>{' '}
        {person.away && <span className="badge badge-warning">{t('search.away')}</span>}
      </div>
      {person.units.length > 0 && <div className="muted">{person.units.join(', ')}</div>}
      <div className="contact-links">
        {person.phone && <a href={`tel:${person.phone.replace(/\s/g, '')}`}>{person.phone}</a>}
        <a href={`mailto:${person.email}`}>{person.email}</a>
      </div>
      {person.competences.length > 0 && (
        <ul className="tags" aria-label={t('directory.competence')}>
          {person.competences.map((competence) => (
            <li key={competence}>{competence}</li>
          ))}
        </ul>
      )}
      {person.away &&
        (person.standIn ? (
          <div className="stand-in">
            {t('directory.standIn', { name: fullName(person.standIn) })}
            <div className="contact-links">
              {person.standIn.phone && (
                <a href={`tel:${person.standIn.phone.replace(/\s/g, '')}`}>
                  {person.standIn.phone}
                </a>
              )}
              <a href={`mailto:${person.standIn.email}`}>{person.standIn.email}</a>
            </div>
          </div>
        ) : (
          <div className="muted">{t('directory.noStandIn')}</div>
        ))}
    </li>
  );
}
