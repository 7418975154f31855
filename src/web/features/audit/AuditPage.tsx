import { useInfiniteQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAuditEntry } from '../../../contracts/audit.contracts';
import { api } from '../../api/client';
import { Field } from '../../ui/Field';
import { formatDateTime } from '../../ui/format';
import { useListParams } from '../../ui/list-params';
import { EmptyState, ErrorNotice, Loading } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { PersonSelect } from '../../ui/PersonSelect';

const DEFAULTS = { entityType: '', action: '', actorId: '', from: '', to: '' };
const ENTITY_TYPES = [
  'institution',
  'unit',
  'staff',
  'absence',
  'api_token',
  'client',
  'contact',
  'request',
  'commitment',
  'incident',
  'queue_entry',
  'calendar_day_off',
  'calendar_transfer',
  'calendar_settings',
  'deadline_policy',
  'service',
  'article',
  'news',
] as const;
const ACTIONS = [
  'create',
  'update',
  'delete',
  'read',
  'sign-in',
  'sign-out',
  'revoke',
  'set-password',
  'change-password',
  'end-sessions',
  'assign',
  'attach',
  'detach',
  'call',
  'close',
  'keep',
  'leave',
  'link',
  'unlink',
  'merge',
  'merge-in',
  'note',
  'reply',
  'review',
  'state',
  'referral',
  'extension',
  'updated',
] as const;

const show = (value: unknown): string =>
  value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);

/** Before and after side by side, one row a field, changed fields marked. */
function Changes(props: { entry: TAuditEntry }) {
  const { t } = useTranslation();
  const before = (props.entry.before ?? {}) as Record<string, unknown>;
  const after = (props.entry.after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  if (keys.length === 0) {
    return props.entry.context ? (
      <pre className="json">{JSON.stringify(props.entry.context, null, 2)}</pre>
    ) : null;
  }
  return (
    <table className="changes">
      <thead>
        <tr>
          <th scope="col">{t('audit.field')}</th>
          <th scope="col">{t('audit.before')}</th>
          <th scope="col">{t('audit.after')}</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => {
          const changed = show(before[key]) !== show(after[key]);
          return (
            <tr key={key} className={changed ? 'changed' : undefined}>
              <th scope="row">{key}</th>
              <td>{show(before[key])}</td>
              <td>{show(after[key])}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** What the entry is about, in words: the record's name as it was recorded. */
function recordName(entry: TAuditEntry): string | null {
  const snapshot = (entry.after ?? entry.before) as {
    name?: string;
    givenName?: string;
    surname?: string;
    staff?: { givenName: string; surname: string };
  } | null;
  if (!snapshot) return null;
  if (snapshot.name) return snapshot.name;
  if (snapshot.givenName && snapshot.surname) return `${snapshot.givenName} ${snapshot.surname}`;
  if (snapshot.staff) return `${snapshot.staff.givenName} ${snapshot.staff.surname}`;
  return null;
}

function entityTypeLabel(t: TFunction, type: string): string {
  return (ENTITY_TYPES as readonly string[]).includes(type)
    ? t(`audit.entityTypes.${type as (typeof ENTITY_TYPES)[number]}`)
    : type;
}

function actionLabel(t: TFunction, action: string): string {
  return (ACTIONS as readonly string[]).includes(action)
    ? t(`audit.actions.${action as (typeof ACTIONS)[number]}`)
    : action;
}

export function AuditPage() {
  const { t } = useTranslation();
  const { values, update } = useListParams(DEFAULTS);
  const [open, setOpen] = useState<number | null>(null);
  const log = useInfiniteQuery({
    queryKey: ['audit', values],
    queryFn: ({ pageParam }) => api.get('/audit', { ...values, before: pageParam, limit: 50 }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader title={t('audit.title')} intro={t('audit.intro')} />
      <div className="filters">
        <Field label={t('audit.entityType')} filter>
          <select
            value={values.entityType}
            onChange={(event) => update({ entityType: event.target.value })}
          >
            <option value="">{t('common.all')}</option>
            {ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {entityTypeLabel(t, type)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('audit.action')} filter>
          <select
            value={values.action}
            onChange={(event) => update({ action: event.target.value })}
          >
            <option value="">{t('common.all')}</option>
            {ACTIONS.map((action) => (
              <option key={action} value={action}>
                {actionLabel(t, action)}
              </option>
            ))}
          </select>
        </Field>
        <PersonSelect
          label={t('audit.actorFilter')}
          value={values.actorId || null}
          onChange={(id) => update({ actorId: id ?? '' })}
          allowNone
          noneLabel={t('common.all')}
          filter
        />
        <Field label={t('audit.from')} filter>
          <input
            type="date"
            value={values.from}
            onChange={(event) => update({ from: event.target.value })}
          />
        </Field>
        <Field label={t('audit.to')} filter>
          <input
            type="date"
            value={values.to}
            onChange={(event) => update({ to: event.target.value })}
          />
        </Field>
      </div>
      {log.isPending ? (
        <Loading />
      ) : log.isError ? (
        <ErrorNotice error={log.error} onRetry={() => void log.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState title={t('audit.empty')} hint={t('common.emptyFilterHint')} />
      ) : (
        <>
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">{t('audit.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.at')}</th>
                  <th scope="col">{t('audit.actor')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.entity')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('audit.details')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <Fragment key={entry.id}>
                    <tr>
                      <td>{formatDateTime(entry.at)}</td>
                      <td>
                        {entry.actor.name ?? t('audit.system')}
                        {entry.actor.viaToken && (
                          <div className="muted">
                            {t('audit.viaToken', { name: entry.actor.viaToken.name })}
                          </div>
                        )}
                      </td>
                      <td>{actionLabel(t, entry.action)}</td>
                      <td>
                        {entityTypeLabel(t, entry.entityType)}
                        {recordName(entry) && `: ${recordName(entry)}`}{' '}
                        <code className="muted">{entry.entityId.slice(0, 8)}</code>
                      </td>
                      <td className="cell-actions">
                        <button
                          type="button"
                          className="button-link"
                          aria-expanded={open === entry.id}
                          onClick={() => setOpen(open === entry.id ? null : entry.id)}
                        >
                          {open === entry.id ? t('audit.hideDetails') : t('audit.details')}
                        </button>
                      </td>
                    </tr>
                    {open === entry.id && (
                      <tr className="details-row">
                        <td colSpan={5}>
                          <Changes entry={entry} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
          {log.hasNextPage && (
            <button
              type="button"
              className="button-secondary"
              disabled={log.isFetchingNextPage}
              onClick={() => void log.fetchNextPage()}
            >
              {t('audit.loadMore')}
            </button>
          )}
        </>
      )}
    </>
  );
}
