import { useQueries } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { LETTER_DELIVERIES } from '../../../contracts/correspondence.contracts';
import type { TRequestDetail } from '../../../contracts/requests.contracts';
import { COMMITMENT_FORMS } from '../../../domain/commitments';
import { REQUEST_STATES } from '../../../domain/requests';
import { useAllUnits } from '../../api/lookups';
import { api } from '../../api/client';
import { formatDate, formatDateTime, fullName } from '../../ui/format';

type Entry = TRequestDetail['timeline'][number];

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const oneOf = <T extends string>(values: readonly T[], value: unknown): T | null =>
  values.find((candidate) => candidate === value) ?? null;

/** The names of the colleagues a timeline mentions by id (referrals). */
function useStaffNames(ids: string[]): Map<string, string> {
  const people = useQueries({
    queries: [...new Set(ids)].map((id) => ({
      queryKey: ['staff', 'one', id],
      queryFn: () => api.get(`/staff/${id}`),
      staleTime: 5 * 60_000,
    })),
  });
  return new Map(
    people.flatMap((person) => (person.data ? [[person.data.id, fullName(person.data)]] : [])),
  );
}

/** One entry in words; `name` tells who or which unit an id is. */
function describe(entry: Entry, t: TFunction, name: (id: unknown) => string): string {
  const { data } = entry;
  const state = (value: unknown) => {
    const known = oneOf(REQUEST_STATES, value);
    return known ? t(`cases.states.${known}`) : text(value);
  };
  const date = (value: unknown) => (text(value) ? formatDate(text(value)) : '');
  switch (entry.kind) {
    case 'created':
      return t('timeline.created', { due: date(data.dueOn) });
    case 'state':
      return t('timeline.state', { from: state(data.from), to: state(data.to) });
    case 'referral':
      return t('timeline.referral', {
        to: [name(data.toOwner), name(data.toUnit)].filter(Boolean).join(', '),
      });
    case 'letter-delivered': {
      const method = oneOf(LETTER_DELIVERIES, data.method);
      return t('timeline.letterDelivered', {
        subject: text(data.subject),
        how: method ? t(`request.deliveryMethods.${method}`) : '',
      });
    }
    case 'mail-received':
      return t('timeline.mailReceived', { subject: text(data.subject), from: text(data.from) });
    case 'letter-sent':
      return t('timeline.letterSent', { subject: text(data.subject), to: text(data.recipient) });
    case 'letter-failed':
      return t('timeline.letterFailed', { subject: text(data.subject), to: text(data.recipient) });
    case 'letter-retry':
      return t('timeline.letterRetry', { subject: text(data.subject) });
    case 'desk-answer':
      return t('timeline.deskAnswer');
    case 'kept-open':
      return t('timeline.keptOpen', {
        to: [name(data.toOwner), name(data.toUnit)].filter(Boolean).join(', '),
      });
    case 'extension':
      return t('timeline.extension', { from: date(data.from), to: date(data.to) });
    case 'note':
      return t('timeline.note');
    case 'commitment': {
      const form = oneOf(COMMITMENT_FORMS, data.form);
      return t('timeline.commitment', {
        what: text(data.what),
        at: text(data.dueAt) ? formatDateTime(text(data.dueAt)) : '',
        form: form ? t(`commitments.forms.${form}`) : '',
      });
    }
    case 'commitment-kept':
      return t('timeline.commitmentKept', { what: text(data.what) });
    case 'attachment':
      return t('timeline.attachment', { filename: text(data.filename) });
    case 'link':
      return t('timeline.link', { number: text(data.number) });
    case 'unlink':
      return t('timeline.unlink');
    case 'updated':
      return t('timeline.updated');
    case 'reply': {
      const articles = (Array.isArray(data.articles) ? (data.articles as unknown[]) : [])
        .map((article) =>
          typeof article === 'object' && article !== null && 'title' in article
            ? text(article.title)
            : '',
        )
        .filter(Boolean);
      return articles.length > 0
        ? t('timeline.replyWithArticles', {
            subject: text(data.subject),
            articles: articles.join(', '),
          })
        : t('timeline.reply', { subject: text(data.subject) });
    }
    default:
      // An event this page does not know yet is told in words, never by its internal name.
      return t('timeline.other');
  }
}

/** What the person wrote with the entry: a note, a reason, a referral's message. */
function writtenWith(entry: Entry): string {
  const { data } = entry;
  // A failed letter shows the mail server's answer.
  return text(data.text) || text(data.reason) || text(data.note) || text(data.error);
}

/** Everything that happened to the request, oldest first, each in words. */
export function RequestTimeline(props: { request: TRequestDetail }) {
  const { t } = useTranslation();
  const { timeline } = props.request;
  const units = useAllUnits();
  const people = useStaffNames(
    timeline.flatMap((entry) =>
      (entry.kind === 'referral' || entry.kind === 'kept-open') &&
      typeof entry.data.toOwner === 'string'
        ? [entry.data.toOwner]
        : [],
    ),
  );
  const name = (id: unknown) =>
    typeof id !== 'string'
      ? ''
      : (people.get(id) ?? units.data?.find((unit) => unit.id === id)?.name ?? '');
  return (
    <ol className="timeline">
      {timeline.map((entry) => (
        <li key={entry.id}>
          <div className="muted">
            {formatDateTime(entry.at)}
            {entry.actor && ` · ${entry.actor.name}`}
          </div>
          <div>{describe(entry, t, name)}</div>
          {writtenWith(entry) && <p className="text-block timeline-text">{writtenWith(entry)}</p>}
        </li>
      ))}
    </ol>
  );
}
