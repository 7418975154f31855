import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TIdea } from '../../../contracts/ideas.contracts';
import {
  IDEA_ADDRESSEES,
  mayMoveIdea,
  IDEA_STATES,
  responseRequiredFor,
  type IdeaAddressee,
  type IdeaState,
} from '../../../domain/ideas';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { Dialog } from '../../ui/Dialog';
import { Field, useRequiredRule } from '../../ui/Field';
import { FormActions, FormError } from '../../ui/FormParts';
import { formatDateTime, fullName } from '../../ui/format';
import { SuccessNotice } from '../../ui/Notice';
import { PagedList } from '../../ui/PagedList';
import { PageHeader } from '../../ui/PageHeader';
import { useServerForm } from '../../ui/server-form';
import { UnitOptions, useUnitSelectKey } from '../../ui/UnitFilter';

const PAGE_SIZE = 20;
/** Those who receive ideas (31): the heads of units, the client service head and the deputy. */
const RECEIVERS = ['unit_head', 'client_service_head', 'deputy_executive_director'];

/** Staff ideas (31): one's own with what became of them, and those sent to one. */
export function IdeasPage() {
  const { t } = useTranslation();
  const { me, can } = useSession();
  const [notice, setNotice] = useState<string | null>(null);
  const receives = me.roles.some((role) => RECEIVERS.includes(role));
  return (
    <>
      <PageHeader title={t('ideas.title')} intro={t('ideas.intro')} />
      {notice && <SuccessNotice>{notice}</SuccessNotice>}
      {can('ideas.submit') && (
        <section aria-labelledby="ideas-new">
          <h2 id="ideas-new">{t('ideas.submitHeading')}</h2>
          <IdeaForm onSaved={() => setNotice(t('ideas.sent'))} />
        </section>
      )}
      <IdeaBox box="mine" heading={t('ideas.mine')} onNotice={setNotice} />
      {receives && <IdeaBox box="received" heading={t('ideas.received')} onNotice={setNotice} />}
    </>
  );
}

function IdeaBox(props: {
  box: 'mine' | 'received';
  heading: string;
  onNotice: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [answering, setAnswering] = useState<TIdea | null>(null);
  const ideas = useQuery({
    queryKey: ['ideas', props.box, page],
    queryFn: () => api.get('/ideas', { box: props.box, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const headingId = `ideas-${props.box}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{props.heading}</h2>
      <PagedList
        query={ideas}
        emptyTitle={props.box === 'mine' ? t('ideas.mineEmpty') : t('ideas.receivedEmpty')}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
        label={props.heading}
        renderRows={(rows) => (
          <ul className="news-list">
            {rows.map((idea) => (
              <li key={idea.id} className="news-item">
                <IdeaCard idea={idea} box={props.box} onAnswer={() => setAnswering(idea)} />
              </li>
            ))}
          </ul>
        )}
      />
      <Dialog
        title={t('ideas.answerTitle')}
        open={answering !== null}
        onClose={() => setAnswering(null)}
      >
        {answering && (
          <AnswerForm
            idea={answering}
            onSaved={() => {
              setAnswering(null);
              props.onNotice(t('common.saved'));
            }}
            onCancel={() => setAnswering(null)}
          />
        )}
      </Dialog>
    </section>
  );
}

function IdeaCard(props: { idea: TIdea; box: 'mine' | 'received'; onAnswer: () => void }) {
  const { t } = useTranslation();
  const { idea } = props;
  const open = IDEA_STATES.some((state) => mayMoveIdea(idea.state, state));
  return (
    <>
      <h3>{idea.title}</h3>
      <p className="muted">
        {props.box === 'received' && `${fullName(idea.author)} · `}
        {t(`ideas.addressees.${idea.addressee}`)}
        {idea.unit && ` (${idea.unit.name})`} · {formatDateTime(idea.createdAt)}
      </p>
      <p className="text-block">{idea.text}</p>
      <p>
        <strong>{t('ideas.state')}:</strong> {t(`ideas.states.${idea.state}`)}
      </p>
      {idea.response && (
        <div>
          <strong>{t('ideas.response')}</strong>
          {idea.respondedBy && ` (${fullName(idea.respondedBy)})`}:
          <p className="text-block">{idea.response}</p>
        </div>
      )}
      {idea.improvementTask && (
        <p>
          {t('ideas.ledTo')}{' '}
          <Link to={`/quality/improvements/${idea.improvementTask.id}`}>
            {idea.improvementTask.title}
          </Link>
        </p>
      )}
      {idea.abilities.respond && open && (
        <button type="button" className="button-secondary" onClick={props.onAnswer}>
          {t('ideas.answer')}
          <span className="visually-hidden">: {idea.title}</span>
        </button>
      )}
    </>
  );
}

interface IdeaValues {
  addressee: IdeaAddressee;
  unitId: string;
  title: string;
  text: string;
}

function IdeaForm(props: { onSaved: () => void }) {
  const { t } = useTranslation();
  const unitSelectKey = useUnitSelectKey();
  const queryClient = useQueryClient();
  const { me } = useSession();
  const required = useRequiredRule();
  const { form, errors, formError, busy, onSubmit } = useServerForm<IdeaValues>({
    defaultValues: { addressee: 'manager', unitId: me.units[0]?.id ?? '', title: '', text: '' },
    fields: ['addressee', 'unitId', 'title', 'text'],
    send: (values) =>
      api.post('/ideas', {
        addressee: values.addressee,
        title: values.title,
        text: values.text,
        ...(values.addressee === 'manager' ? { unitId: values.unitId || null } : {}),
      }),
    onSaved: async () => {
      await queryClient.invalidateQueries({ queryKey: ['ideas'] });
      props.onSaved();
    },
    resetOnSave: true,
  });
  const addressee = form.watch('addressee');
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <Field label={t('ideas.addressee')} required error={errors.addressee?.message}>
        <select {...form.register('addressee')}>
          {IDEA_ADDRESSEES.map((option) => (
            <option key={option} value={option}>
              {t(`ideas.addressees.${option}`)}
            </option>
          ))}
        </select>
      </Field>
      {addressee === 'manager' && (
        <Field
          label={t('ideas.unit')}
          hint={t('ideas.unitHint')}
          required
          error={errors.unitId?.message}
        >
          <select
            key={unitSelectKey}
            {...form.register(
              'unitId',
              required(t('ideas.unit'), (values: IdeaValues) => values.addressee === 'manager'),
            )}
          >
            <option value="">{t('ideas.chooseUnit')}</option>
            <UnitOptions />
          </select>
        </Field>
      )}
      <Field label={t('ideas.ideaTitle')} required error={errors.title?.message}>
        <input
          type="text"
          maxLength={200}
          {...form.register('title', required(t('ideas.ideaTitle')))}
        />
      </Field>
      <Field label={t('ideas.text')} required error={errors.text?.message}>
        <textarea rows={5} {...form.register('text', required(t('ideas.text')))} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {t('ideas.send')}
        </button>
      </div>
    </form>
  );
}

interface AnswerValues {
  state: IdeaState;
  response: string;
  improvementTaskId: string;
}

function AnswerForm(props: { idea: TIdea; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { idea } = props;
  const next = IDEA_STATES.filter((state) => mayMoveIdea(idea.state, state));
  const required = useRequiredRule();
  // The tasks the receiver sees; the one already linked stays offered even if it is not among them.
  const tasks = useQuery({
    queryKey: ['improvement-tasks', 'for-ideas'],
    queryFn: () => api.get('/improvement-tasks', { pageSize: 100 }),
  });
  const taskOptions = [
    ...(idea.improvementTask ? [idea.improvementTask] : []),
    ...(tasks.data?.items ?? []).filter((task) => task.id !== idea.improvementTask?.id),
  ];
  const { form, errors, formError, busy, onSubmit } = useServerForm<AnswerValues>({
    defaultValues: {
      state: next[0] ?? idea.state,
      response: idea.response ?? '',
      improvementTaskId: idea.improvementTask?.id ?? '',
    },
    fields: ['state', 'response', 'improvementTaskId'],
    send: (values) =>
      api.post(`/ideas/${idea.id}/state`, {
        state: values.state,
        response: values.response,
        improvementTaskId: values.improvementTaskId || null,
        version: idea.version,
      }),
    onSaved: async () => {
      await queryClient.invalidateQueries({ queryKey: ['ideas'] });
      props.onSaved();
    },
    onConflict: () => queryClient.invalidateQueries({ queryKey: ['ideas'] }),
  });
  const state = form.watch('state');
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <p>
        <strong>{idea.title}</strong> — {fullName(idea.author)}
      </p>
      <Field label={t('ideas.newState')} required error={errors.state?.message}>
        <select {...form.register('state')}>
          {next.map((option) => (
            <option key={option} value={option}>
              {t(`ideas.states.${option}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label={t('ideas.response')}
        required={responseRequiredFor(state)}
        hint={t('ideas.responseHint')}
        error={errors.response?.message}
      >
        <textarea
          rows={4}
          {...form.register(
            'response',
            required(t('ideas.response'), (values: AnswerValues) =>
              responseRequiredFor(values.state),
            ),
          )}
        />
      </Field>
      <Field
        label={t('ideas.task')}
        hint={t('ideas.taskHint')}
        error={errors.improvementTaskId?.message}
      >
        <select {...form.register('improvementTaskId')}>
          <option value="">{t('ideas.noTask')}</option>
          {taskOptions.map((task) => (
            <option key={task.id} value={task.id}>
              {task.title}
            </option>
          ))}
        </select>
      </Field>
      <FormActions busy={busy} onCancel={props.onCancel} />
    </form>
  );
}
