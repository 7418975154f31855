import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TService } from '../../../contracts/catalogue.contracts';
import type { TDirectoryEntry } from '../../../contracts/directory.contracts';
import { useService } from '../../api/catalogue';
import { useSession } from '../../app/session';
import { Dialog } from '../../ui/Dialog';
import { formatDate, formatDateTime, fullName } from '../../ui/format';
import { ErrorNotice, Loading, SuccessNotice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { MarkReviewedForm } from '../reviews/MarkReviewedForm';
import { ReviewDate } from './ServiceParts';

/**
 * A service card laid out as the state's service cards are (latvija.gov.lv): the basics, the
 * details, notices; beside them who handles it today, the articles about it, its requests and
 * who keeps the card true.
 */
export function ServicePage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { id = '' } = useParams();
  const service = useService(id);
  // Whether the viewer may change the card and mark it checked: the server decides (`can`).
  const mayEdit = service.data?.can.edit ?? false;
  const [marking, setMarking] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  if (service.isPending) return <Loading />;
  if (service.isError)
    return <ErrorNotice error={service.error} onRetry={() => void service.refetch()} />;
  const shown = service.data;
  const seesRequests = can('requests.work') || can('requests.read-all');

  return (
    <>
      <PageHeader
        title={shown.name}
        intro={[t(`cases.kinds.${shown.kind}`), shown.institution?.name]
          .filter(Boolean)
          .join(' · ')}
        actions={
          mayEdit && (
            <>
              <Link to={`/services/${shown.id}/edit`} className="button-secondary">
                {t('catalogue.card.edit')}
              </Link>
              <button type="button" className="button-secondary" onClick={() => setMarking(true)}>
                {t('reviews.mark')}
              </button>
            </>
          )
        }
      />
      {message && <SuccessNotice>{message}</SuccessNotice>}
      {!shown.active && (
        <div className="notice notice-info">{t('catalogue.card.inactiveNotice')}</div>
      )}
      {shown.reviewOverdue && (
        <div className="notice notice-warning">
          {t('catalogue.card.overdueNotice', { date: formatDate(shown.reviewOn) })}
        </div>
      )}

      <div className="service-card">
        <div className="service-main">
          <BasicInformation service={shown} />
          <DetailedInformation service={shown} />
          <section aria-labelledby="service-notices" className="panel panel-wide">
            <h2 id="service-notices">{t('catalogue.card.notices')}</h2>
            {shown.notices ? (
              <p className="text-block">{shown.notices}</p>
            ) : (
              <p className="muted">{t('catalogue.card.noNotices')}</p>
            )}
          </section>
        </div>

        <div className="service-aside">
          <section aria-labelledby="service-today" className="panel">
            <h2 id="service-today">{t('catalogue.card.today')}</h2>
            <Specialists service={shown} />
          </section>

          <section aria-labelledby="service-articles" className="panel">
            <h2 id="service-articles">{t('catalogue.card.articles')}</h2>
            {shown.articles.length === 0 ? (
              <p className="muted">{t('catalogue.card.noArticles')}</p>
            ) : (
              <ul className="plain-list">
                {shown.articles.map((article) => (
                  <li key={article.id}>
                    <Link to={`/knowledge/${article.id}`}>{article.title}</Link>
                    <span className="badge">
                      {t(`catalogue.card.visibility.${article.visibility}`)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          {seesRequests && (
            <section aria-labelledby="service-requests" className="panel">
              <h2 id="service-requests">{t('catalogue.card.requests')}</h2>
              <p>
                {t('catalogue.card.requestCounts', {
                  open: shown.requestCounts.open,
                  total: shown.requestCounts.total,
                })}
              </p>
              <Link to={`/requests?list=all&serviceId=${shown.id}`}>
                {t('catalogue.card.openRequests')}
              </Link>
            </section>
          )}

          <section aria-labelledby="service-upkeep" className="panel">
            <h2 id="service-upkeep">{t('catalogue.card.upkeep')}</h2>
            <dl className="facts">
              <dt>{t('catalogue.owner')}</dt>
              <dd>
                {fullName(shown.owner)}
                <div>
                  <a href={`mailto:${shown.owner.email}`}>{shown.owner.email}</a>
                </div>
              </dd>
              <dt>{t('catalogue.reviewOn')}</dt>
              <dd>
                <ReviewDate item={shown} />
              </dd>
              <dt>{t('catalogue.card.lastReviewed')}</dt>
              <dd>
                {shown.reviewedAt
                  ? formatDateTime(shown.reviewedAt)
                  : t('catalogue.card.neverReviewed')}
              </dd>
              <dt>{t('catalogue.card.updated')}</dt>
              <dd>{formatDateTime(shown.updatedAt)}</dd>
            </dl>
          </section>
        </div>
      </div>

      <Dialog title={t('reviews.mark')} open={marking} onClose={() => setMarking(false)}>
        <MarkReviewedForm
          target={{ type: 'service', id: shown.id, version: shown.version }}
          title={shown.name}
          onDone={(nextReviewOn) => {
            setMarking(false);
            setMessage(t('reviews.marked', { date: formatDate(nextReviewOn) }));
          }}
          onCancel={() => setMarking(false)}
        />
      </Dialog>
    </>
  );
}

/** Pamatinformācija: what it is, who may receive it, where, who answers for it, how to apply. */
function BasicInformation(props: { service: TService }) {
  const { t } = useTranslation();
  const { service } = props;
  return (
    <section aria-labelledby="service-basic" className="panel panel-wide">
      <h2 id="service-basic">{t('catalogue.card.basic')}</h2>
      {service.description && <p className="text-block">{service.description}</p>}
      {service.eServiceUrl && (
        <p className="e-service">
          <a
            className="button-primary"
            href={service.eServiceUrl}
            target="_blank"
            rel="noopener noreferrer"
          >
            {t('catalogue.card.eService')}
            <span className="visually-hidden"> {t('catalogue.card.newWindow')}</span>
          </a>
          <span className="muted">{t('catalogue.card.eServiceHint')}</span>
        </p>
      )}
      <dl className="facts">
        <dt>{t('catalogue.card.kind')}</dt>
        <dd>
          {t(`cases.kinds.${service.kind}`)}
          <div className="muted">{t(`catalogue.kindHints.${service.kind}`)}</div>
        </dd>
        <dt>{t('catalogue.card.audience')}</dt>
        <dd className="text-block">{service.audience ?? t('catalogue.card.notGiven')}</dd>
        <dt>{t('catalogue.card.territory')}</dt>
        <dd>{service.territory ?? t('catalogue.card.notGiven')}</dd>
        <dt>{t('catalogue.institution')}</dt>
        <dd>{service.institution?.name ?? t('catalogue.card.notGiven')}</dd>
        <dt>{t('catalogue.unit')}</dt>
        <dd>{service.unit?.name ?? t('catalogue.card.notGiven')}</dd>
      </dl>
    </section>
  );
}

/** A document, form or legal act: a link when it has an address. */
function LinkList(props: { items: Array<{ title: string; url: string | null }> }) {
  const { t } = useTranslation();
  return (
    <ul className="link-list">
      {props.items.map((item, index) => (
        <li key={index}>
          {item.url ? (
            <a href={item.url} target="_blank" rel="noopener noreferrer">
              {item.title}
              <span className="visually-hidden"> {t('catalogue.card.newWindow')}</span>
            </a>
          ) : (
            item.title
          )}
        </li>
      ))}
    </ul>
  );
}

/** Detalizēta informācija: fee, steps, documents, how long, related services, legal acts. */
function DetailedInformation(props: { service: TService }) {
  const { t } = useTranslation();
  const { service } = props;
  const nothing =
    !service.fee &&
    !service.duration &&
    service.steps.length === 0 &&
    service.documents.length === 0 &&
    service.related.length === 0 &&
    service.legalActs.length === 0;
  return (
    <section aria-labelledby="service-details" className="panel panel-wide">
      <h2 id="service-details">{t('catalogue.card.details')}</h2>
      {nothing && <p className="muted">{t('catalogue.card.noDetails')}</p>}
      {service.fee && (
        <>
          <h3>{t('catalogue.card.fee')}</h3>
          <p className="text-block">{service.fee}</p>
        </>
      )}
      {service.steps.length > 0 && (
        <>
          <h3>{t('catalogue.card.steps')}</h3>
          <ol className="service-steps">
            {service.steps.map((step, index) => (
              <li key={index}>{step}</li>
            ))}
          </ol>
        </>
      )}
      {service.documents.length > 0 && (
        <>
          <h3>{t('catalogue.card.documents')}</h3>
          <LinkList items={service.documents} />
        </>
      )}
      {service.duration && (
        <>
          <h3>{t('catalogue.card.duration')}</h3>
          <p className="text-block">{service.duration}</p>
        </>
      )}
      {service.related.length > 0 && (
        <>
          <h3>{t('catalogue.card.related')}</h3>
          <ul className="link-list">
            {service.related.map((related) => (
              <li key={related.id}>
                <Link to={`/services/${related.id}`}>{related.name}</Link>{' '}
                <span className="muted">({t(`cases.kinds.${related.kind}`)})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {service.legalActs.length > 0 && (
        <>
          <h3>{t('catalogue.card.legalActs')}</h3>
          <LinkList items={service.legalActs} />
        </>
      )}
    </section>
  );
}

/** Kas to dara šodien: the specialists, and for those away, until when and who stands in. */
function Specialists(props: { service: TService }) {
  const { t } = useTranslation();
  const { service } = props;
  if (service.specialists.length === 0)
    return (
      <p className="muted">
        {service.competence
          ? t('catalogue.card.noSpecialists', { competence: service.competence })
          : t('catalogue.card.noCompetence')}
      </p>
    );
  return (
    <ul className="plain-list specialists">
      {service.specialists.map((person) => (
        <li key={person.id} className={person.away ? 'specialist specialist-away' : 'specialist'}>
          <Specialist person={person} />
        </li>
      ))}
    </ul>
  );
}

function ContactLinks(props: { phone: string | null; email: string }) {
  return (
    <>
      {props.phone && (
        <div>
          <a href={`tel:${props.phone.replace(/\s/g, '')}`}>{props.phone}</a>
        </div>
      )}
      <div>
        <a href={`mailto:${props.email}`}>{props.email}</a>
      </div>
    </>
  );
}

function Specialist(props: { person: TDirectoryEntry }) {
  const { t } = useTranslation();
  const { person } = props;
  return (
    <div>
      <strong>{fullName(person)}</strong>
      <div className="muted">{person.position}</div>
      <ContactLinks phone={person.phone} email={person.email} />
      {person.away && (
        <div className="away">
          <span className="badge badge-warning">
            {t('catalogue.card.awayUntil', { date: formatDate(person.away.until) })}
          </span>
          {person.standIn ? (
            <div className="stand-in">
              {t('catalogue.card.standIn', { name: fullName(person.standIn) })}
              <ContactLinks phone={person.standIn.phone} email={person.standIn.email} />
            </div>
          ) : (
            <div className="stand-in muted">{t('catalogue.card.noStandIn')}</div>
          )}
        </div>
      )}
    </div>
  );
}
