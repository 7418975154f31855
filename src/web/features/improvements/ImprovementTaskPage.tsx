import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TImprovementTask } from '../../../contracts/improvements.contracts';
import {
  IMPROVEMENT_TASK_STATES,
  mayMoveTask,
  outcomeRequiredFor,
  type ImprovementTaskState,
} from '../../../domain/improvements';
import { api } from '../../api/client';
import { Field, useRequiredRule } from '../../ui/Field';
import { FormError } from '../../ui/FormParts';
import { formatDateTime, fullName } from '../../ui/format';
import { ErrorNotice, Loading } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { useServerForm } from '../../ui/server-form';
import { DueDate } from './ImprovementsPage';

/** One improvement task: its basis linked, its state and outcome, and moving it on. */
export function ImprovementTaskPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const task = useQuery({
    queryKey: ['improvement-tasks', 'one', id],
    queryFn: () => api.get(`/improvement-tasks/${id}`),
  });
  if (task.isPending) return <Loading />;
  if (task.isError) return <ErrorNotice error={task.error} onRetry={() => void task.refetch()} />;
  const data = task.data;
  return (
    <>
      <PageHeader
        title={data.title}
        actions={
          <>
            <Link className="button-secondary" to="/quality/improvements">
              {t('improvements.backToList')}
            </Link>
            {data.abilities.edit && (
              <Link className="button-secondary" to={`/quality/improvements/${data.id}/edit`}>
                {t('common.edit')}
              </Link>
            )}
          </>
        }
      />
      <dl className="facts">
        <dt>{t('improvements.unit')}</dt>
        <dd>{data.unit.name}</dd>
        <dt>{t('improvements.owner')}</dt>
        <dd>{data.owner ? fullName(data.owner) : t('improvements.noOwner')}</dd>
        <dt>{t('improvements.dueOn')}</dt>
        <dd>
          <DueDate task={data} />
        </dd>
        <dt>{t('improvements.state')}</dt>
        <dd>
          {t(`improvements.states.${data.state}`)}
          {data.completedAt && ` (${formatDateTime(data.completedAt)})`}
        </dd>
        <dt>{t('improvements.basis')}</dt>
        <dd>
          <Basis task={data} />
        </dd>
        {data.createdBy && (
          <>
            <dt>{t('improvements.createdBy')}</dt>
            <dd>{fullName(data.createdBy)}</dd>
          </>
        )}
      </dl>
      {data.description && (
        <section aria-labelledby="task-description">
          <h2 id="task-description">{t('improvements.description')}</h2>
          <p className="text-block">{data.description}</p>
        </section>
      )}
      {data.outcome && (
        <section aria-labelledby="task-outcome">
          <h2 id="task-outcome">{t('improvements.outcome')}</h2>
          <p className="text-block">{data.outcome}</p>
        </section>
      )}
      {data.abilities.move && <MoveForm key={data.version} task={data} />}
    </>
  );
}

/** The feedback item or the survey map's factor the task came from, linked; else an observation. */
function Basis(props: { task: TImprovementTask }) {
  const { t } = useTranslation();
  const { task } = props;
  if (task.feedbackId)
    return (
      <Link to={`/quality/feedback/${task.feedbackId}`}>{t('improvements.feedbackBasis')}</Link>
    );
  if (task.survey) {
    const wave = task.survey.wave ? `?mapWave=${encodeURIComponent(task.survey.wave.name)}` : '';
    return (
      <Link to={`/surveys/${task.survey.id}/results${wave}#results-map`}>
        {t('improvements.surveyBasisOf', {
          survey: task.survey.title,
          wave: task.survey.wave?.name ?? '—',
        })}
        {task.survey.factor && ` · ${task.survey.factor}`}
      </Link>
    );
  }
  return <>{t('improvements.observation')}</>;
}

interface MoveValues {
  state: ImprovementTaskState | '';
  outcome: string;
}

/** The next states offered are those the department's rules allow; the server decides who. */
function MoveForm(props: { task: TImprovementTask }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { task } = props;
  const mover = task.abilities.edit ? 'manager' : 'assignee';
  const next = IMPROVEMENT_TASK_STATES.filter((state) => mayMoveTask(task.state, state, mover));
  const required = useRequiredRule();
  const { form, errors, formError, busy, onSubmit } = useServerForm<MoveValues>({
    defaultValues: { state: next[0] ?? '', outcome: task.outcome ?? '' },
    fields: ['state', 'outcome'],
    send: (values) =>
      api.post(`/improvement-tasks/${task.id}/state`, {
        state: values.state,
        outcome: values.outcome,
        version: task.version,
      }),
    onSaved: () => queryClient.invalidateQueries({ queryKey: ['improvement-tasks'] }),
    onConflict: () => queryClient.invalidateQueries({ queryKey: ['improvement-tasks'] }),
  });
  const state = form.watch('state');
  if (next.length === 0) return null;
  return (
    <section aria-labelledby="task-move">
      <h2 id="task-move">{t('improvements.move')}</h2>
      <form onSubmit={onSubmit} noValidate>
        <FormError message={formError} />
        <Field label={t('improvements.newState')} required error={errors.state?.message}>
          <select {...form.register('state')}>
            {next.map((option) => (
              <option key={option} value={option}>
                {t(`improvements.states.${option}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t('improvements.outcome')}
          required={state !== '' && outcomeRequiredFor(state)}
          hint={t('improvements.outcomeHint')}
          error={errors.outcome?.message}
        >
          <textarea
            rows={3}
            {...form.register(
              'outcome',
              required(
                t('improvements.outcome'),
                (values: MoveValues) => values.state !== '' && outcomeRequiredFor(values.state),
              ),
            )}
          />
        </Field>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {t('improvements.moveButton')}
          </button>
        </div>
      </form>
    </section>
  );
}
