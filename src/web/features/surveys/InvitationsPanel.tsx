import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCreatedInvitations, TInvitation } from '../../../contracts/surveys.contracts';
import { csvText } from '../../../domain/csv';
import { ProblemError } from '../../api/client';
import {
  createInvitations,
  useInvitations,
  useReloadInvitations,
} from '../../api/survey-invitations';
import { DataTable, Pagination } from '../../ui/DataTable';
import { Field } from '../../ui/Field';
import { formatDateTime } from '../../ui/format';
import { ListState } from '../../ui/ListState';
import { ErrorNotice, SuccessNotice } from '../../ui/Notice';

const PAGE_SIZE = 20;

/** The addresses typed one a line (commas and semicolons also part them), without blanks. */
const emailsIn = (text: string) =>
  text
    .split(/[\n,;]+/)
    .map((line) => line.trim())
    .filter(Boolean);

/** A personal link as the invited person opens it: on this server's public address. */
const absolute = (link: string) => new URL(link, window.location.origin).toString();

/**
 * The created links as a CSV file for the organiser's mail merge. Built here because the server
 * keeps only the tokens' digests: these links exist nowhere else once the page is left.
 */
function downloadCsv(created: TCreatedInvitations['created'], filename: string): void {
  const text = csvText(
    ['email', 'link'],
    created.map((entry) => [entry.email, absolute(entry.link)]),
  );
  // The byte order mark lets spreadsheet programs read the file as UTF-8.
  const blob = new Blob([`\uFEFF${text}`], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  anchor.click();
  URL.revokeObjectURL(url);
}

/** Messages about the typed addresses (each names the address), or null for other failures. */
function emailMessages(error: unknown): string | null {
  if (!(error instanceof ProblemError)) return null;
  const messages = (error.problem.errors ?? [])
    .filter((entry) => entry.field === 'emails' || entry.field.startsWith('emails.'))
    .map((entry) => entry.message);
  return messages.length > 0 ? messages.join(' ') : null;
}

/**
 * Personal web invitations of a survey wave: type addresses, get a link per person to send
 * through the organisation's own mail, and see who has answered.
 */
export function InvitationsPanel(props: { waveId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { waveId } = props;
  const [page, setPage] = useState(1);
  const [text, setText] = useState('');
  const [created, setCreated] = useState<TCreatedInvitations | null>(null);
  const invitations = useInvitations(waveId, { page, pageSize: PAGE_SIZE });
  const reload = useReloadInvitations(waveId);
  const create = useMutation({
    mutationFn: (emails: string[]) => createInvitations(waveId, emails),
    onSuccess: async (result) => {
      setCreated(result);
      setText('');
      setPage(1);
      await reload();
    },
  });
  const fieldError = emailMessages(create.error);
  const emails = emailsIn(text);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    if (emails.length > 0) create.mutate(emails);
  };

  const columns = [
    { key: 'email', header: t('surveyInvitations.email'), render: (row: TInvitation) => row.email },
    {
      key: 'created',
      header: t('surveyInvitations.createdAt'),
      render: (row: TInvitation) => formatDateTime(row.createdAt),
    },
    {
      key: 'used',
      header: t('surveyInvitations.state'),
      render: (row: TInvitation) =>
        row.usedAt ? (
          <span className="badge badge-ok">
            {t('surveyInvitations.used', { at: formatDateTime(row.usedAt) })}
          </span>
        ) : (
          <span className="badge">{t('surveyInvitations.unused')}</span>
        ),
    },
  ];

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('surveyInvitations.title')}</h2>
      <p className="muted">{t('surveyInvitations.intro')}</p>
      <form onSubmit={onSubmit} noValidate>
        <Field
          label={t('surveyInvitations.emails')}
          hint={t('surveyInvitations.emailsHint')}
          error={fieldError ?? undefined}
          required
        >
          <textarea
            rows={6}
            value={text}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setText(event.target.value)}
          />
        </Field>
        <div className="form-actions">
          <button
            type="submit"
            className="button-primary"
            disabled={create.isPending || emails.length === 0}
          >
            {t('surveyInvitations.create')}
          </button>
        </div>
      </form>
      {create.error && !fieldError && <ErrorNotice error={create.error} />}

      {created && (
        <div>
          <SuccessNotice>
            {t('surveyInvitations.created', { count: created.created.length })}
            {created.skipped.length > 0 &&
              ` ${t('surveyInvitations.skipped', {
                count: created.skipped.length,
                emails: created.skipped.map((entry) => entry.email).join(', '),
              })}`}
          </SuccessNotice>
          {created.created.length > 0 && (
            <>
              <div className="notice notice-warning">{t('surveyInvitations.onlyNow')}</div>
              <div className="form-actions">
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => downloadCsv(created.created, `ielugumi-${waveId}.csv`)}
                >
                  {t('surveyInvitations.downloadCsv')}
                </button>
              </div>
              <DataTable
                caption={t('surveyInvitations.links')}
                rows={created.created}
                rowKey={(row) => row.id}
                columns={[
                  {
                    key: 'email',
                    header: t('surveyInvitations.email'),
                    render: (row) => row.email,
                  },
                  {
                    key: 'link',
                    header: t('surveyInvitations.link'),
                    render: (row) => <code>{absolute(row.link)}</code>,
                  },
                ]}
              />
            </>
          )}
        </div>
      )}

      <h3>{t('surveyInvitations.listTitle')}</h3>
      <ListState query={invitations} emptyTitle={t('surveyInvitations.empty')}>
        {(data) => (
          <>
            <DataTable
              caption={t('surveyInvitations.listTitle')}
              rows={data.items}
              rowKey={(row) => row.id}
              columns={columns}
            />
            <Pagination page={page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} />
          </>
        )}
      </ListState>
    </section>
  );
}
