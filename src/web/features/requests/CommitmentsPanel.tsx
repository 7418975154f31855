import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TCommitment } from '../../../contracts/commitments.contracts';
import { useMyCommitments, useReloadCases } from '../../api/cases';
import { api } from '../../api/client';
import { Pagination } from '../../ui/DataTable';
import { formatDateTime } from '../../ui/format';
import { ListState } from '../../ui/ListState';
import { ActionError, useAction } from '../../ui/server-form';

/** Pressing promises turn red a day before they are due, not after. */
export const isPressing = (commitment: TCommitment) =>
  commitment.urgency === 'due_soon' || commitment.urgency === 'overdue';

/** What was promised, by when and how (clauses 11.9, 15.5.1). */
export function CommitmentText(props: { commitment: TCommitment }) {
  const { t } = useTranslation();
  const { commitment } = props;
  return (
    <>
      <strong>{commitment.what}</strong>
      <div className={isPressing(commitment) ? 'urgent' : 'muted'}>
        {t('commitments.due', {
          at: formatDateTime(commitment.dueAt),
          form: t(`commitments.forms.${commitment.form}`),
        })}
        {commitment.urgency !== 'open' && ` · ${t(`commitments.urgency.${commitment.urgency}`)}`}
      </div>
    </>
  );
}

/** Marks a promise kept; the page reloads whatever the outcome. */
export function useKeepCommitment() {
  const reload = useReloadCases();
  return useAction({
    run: (commitment: TCommitment) =>
      api.post(`/commitments/${commitment.id}/kept`, { version: commitment.version }),
    onDone: reload,
  });
}

export function KeepButton(props: {
  commitment: TCommitment;
  keep: ReturnType<typeof useKeepCommitment>;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="button-secondary"
      disabled={props.keep.isPending}
      aria-label={`${t('commitments.kept')}: ${props.commitment.what}`}
      onClick={() => props.keep.mutate(props.commitment)}
    >
      {t('commitments.kept')}
    </button>
  );
}

/** The signed-in person's open promises, the most pressing first. */
export function CommitmentsPanel() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const commitments = useMyCommitments(page);
  const keep = useKeepCommitment();
  return (
    <section aria-labelledby="my-commitments" className="panel panel-wide">
      <h2 id="my-commitments">{t('commitments.mine')}</h2>
      <ActionError error={keep.error} />
      <ListState query={commitments} emptyTitle={t('commitments.none')}>
        {(data) => (
          <>
            <ul className="plain-list">
              {data.items.map((commitment) => (
                <li key={commitment.id} className={isPressing(commitment) ? 'item-urgent' : ''}>
                  <div>
                    <CommitmentText commitment={commitment} />
                    <Link to={`/requests/${commitment.requestId}`}>{commitment.requestNumber}</Link>
                  </div>
                  <KeepButton commitment={commitment} keep={keep} />
                </li>
              ))}
            </ul>
            <Pagination
              page={page}
              pageSize={data.pageSize}
              total={data.total}
              onPage={setPage}
              label={t('commitments.mine')}
            />
          </>
        )}
      </ListState>
    </section>
  );
}
