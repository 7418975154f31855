import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { TImprovementTask } from '../../../contracts/improvements.contracts';
import { api } from '../../api/client';
import { Field, useRequiredRule } from '../../ui/Field';
import { FormActions, FormError } from '../../ui/FormParts';
import { fullName } from '../../ui/format';
import { ErrorNotice, Loading } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { PersonField } from '../../ui/PersonSelect';
import { useServerForm } from '../../ui/server-form';
import { UnitOptions, useUnitSelectKey } from '../../ui/UnitFilter';

interface Values {
  unitId: string;
  title: string;
  description: string;
  ownerId: string | null;
  dueOn: string;
  feedbackId: string;
  surveyId: string;
  surveyWaveId: string;
  surveyFactor: string;
}

const FIELDS = [
  'unitId',
  'title',
  'description',
  'ownerId',
  'dueOn',
  'feedbackId',
  'surveyId',
  'surveyWaveId',
  'surveyFactor',
];

/**
 * Sets a unit an improvement task, or changes one. The survey map and a feedback item open it
 * with their basis in the address (`surveyId`, `surveyWaveId`, `surveyFactor`, `feedbackId`).
 */
export function ImprovementTaskFormPage() {
  const { id } = useParams();
  const task = useQuery({
    queryKey: ['improvement-tasks', 'one', id],
    queryFn: () => api.get(`/improvement-tasks/${id ?? ''}`),
    enabled: id !== undefined,
  });
  if (id === undefined) return <TaskForm task={null} />;
  if (task.isPending) return <Loading />;
  if (task.isError) return <ErrorNotice error={task.error} onRetry={() => void task.refetch()} />;
  return <TaskForm key={task.data.version} task={task.data} />;
}

function TaskForm(props: { task: TImprovementTask | null }) {
  const { t } = useTranslation();
  const unitSelectKey = useUnitSelectKey();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const { task } = props;
  const fromAddress = (name: string) => params.get(name) ?? '';
  const required = useRequiredRule();
  const { form, errors, formError, busy, onSubmit } = useServerForm<Values, TImprovementTask>({
    defaultValues: task
      ? {
          unitId: task.unit.id,
          title: task.title,
          description: task.description,
          ownerId: task.owner?.id ?? null,
          dueOn: task.dueOn,
          feedbackId: task.feedbackId ?? '',
          surveyId: task.survey?.id ?? '',
          surveyWaveId: task.survey?.wave?.id ?? '',
          surveyFactor: task.survey?.factor ?? '',
        }
      : {
          unitId: fromAddress('unitId'),
          title: '',
          description: '',
          ownerId: null,
          dueOn: '',
          feedbackId: fromAddress('feedbackId'),
          surveyId: fromAddress('surveyId'),
          surveyWaveId: fromAddress('surveyWaveId'),
          surveyFactor: fromAddress('surveyFactor'),
        },
    fields: FIELDS,
    send: (values) => {
      const body = {
        unitId: values.unitId,
        title: values.title,
        description: values.description,
        ownerId: values.ownerId,
        dueOn: values.dueOn,
        feedbackId: values.feedbackId || null,
        surveyId: values.surveyId || null,
        surveyWaveId: values.surveyWaveId || null,
        surveyFactor: values.surveyFactor,
      };
      return task
        ? api.put(`/improvement-tasks/${task.id}`, { ...body, version: task.version })
        : api.post('/improvement-tasks', body);
    },
    onSaved: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['improvement-tasks'] });
      await navigate(`/quality/improvements/${saved.id}`);
    },
  });
  const surveyId = form.watch('surveyId');
  const feedbackId = form.watch('feedbackId');
  return (
    <>
      <PageHeader title={task ? t('improvements.editTitle') : t('improvements.newTitle')} />
      <form onSubmit={onSubmit} noValidate>
        <FormError message={formError} />
        <Field label={t('improvements.unit')} required error={errors.unitId?.message}>
          <select
            key={unitSelectKey}
            {...form.register('unitId', required(t('improvements.unit')))}
          >
            <option value="">{t('improvements.chooseUnit')}</option>
            <UnitOptions />
          </select>
        </Field>
        <Field label={t('improvements.task')} required error={errors.title?.message}>
          <input
            type="text"
            maxLength={200}
            {...form.register('title', required(t('improvements.task')))}
          />
        </Field>
        <Field label={t('improvements.description')} error={errors.description?.message}>
          <textarea rows={4} {...form.register('description')} />
        </Field>
        <PersonField
          control={form.control}
          name="ownerId"
          label={t('improvements.owner')}
          currentName={task?.owner ? fullName(task.owner) : undefined}
          allowNone
          noneLabel={t('improvements.noOwner')}
          error={errors.ownerId?.message}
        />
        <Field label={t('improvements.dueOn')} required error={errors.dueOn?.message}>
          <input type="date" {...form.register('dueOn', required(t('improvements.dueOn')))} />
        </Field>
        <fieldset>
          <legend>{t('improvements.basis')}</legend>
          <p className="field-hint">{t('improvements.basisHint')}</p>
          {feedbackId && (
            <p>
              <Link to={`/quality/feedback/${feedbackId}`}>{t('improvements.feedbackBasis')}</Link>
              {errors.feedbackId?.message && (
                <span className="field-error"> {errors.feedbackId.message}</span>
              )}
            </p>
          )}
          {surveyId ? (
            <>
              <p>
                {task?.survey
                  ? t('improvements.surveyBasisOf', {
                      survey: task.survey.title,
                      wave: task.survey.wave?.name ?? '—',
                    })
                  : t('improvements.surveyBasis')}
                {errors.surveyId?.message && (
                  <span className="field-error"> {errors.surveyId.message}</span>
                )}
              </p>
              <Field label={t('improvements.surveyFactor')} error={errors.surveyFactor?.message}>
                <input type="text" maxLength={100} {...form.register('surveyFactor')} />
              </Field>
              {errors.surveyWaveId?.message && (
                <p className="field-error">{errors.surveyWaveId.message}</p>
              )}
            </>
          ) : (
            !feedbackId && <p>{t('improvements.observation')}</p>
          )}
        </fieldset>
        <FormActions busy={busy} onCancel={() => void navigate(-1)} />
      </form>
    </>
  );
}
