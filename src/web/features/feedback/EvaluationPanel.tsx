import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { Field, FieldSet, useRequiredRule } from '../../ui/Field';
import { FormActions, FormError } from '../../ui/FormParts';
import { formatDateTime } from '../../ui/format';
import { PersonField } from '../../ui/PersonSelect';
import { useServerForm } from '../../ui/server-form';
import { UnitOptions, useUnitSelectKey } from '../../ui/UnitFilter';
import { useReloadFeedback, type FeedbackItem } from './feedback-queries';

interface EvaluationValues {
  topic: string;
  unitId: string;
  staffId: string | null;
  justified: '' | 'yes' | 'no';
  serious: boolean;
  notes: string;
  actions: string;
}

const FIELDS = ['topic', 'unitId', 'staffId', 'justified', 'serious', 'notes', 'actions'];

/** Whether the item carries anything of an evaluation the viewer may see. */
function hasEvaluation(item: FeedbackItem): boolean {
  return (
    item.evaluatedAt !== null ||
    item.topic !== null ||
    item.evaluationNotes !== null ||
    item.actions !== null
  );
}

/**
 * The evaluation (26): a form for the evaluator, the outcome for those who may read it, and
 * nothing at all where there is nothing to show (the person complained about sees no notes).
 */
export function EvaluationPanel(props: { item: FeedbackItem; onSaved: (notice: string) => void }) {
  const { t } = useTranslation();
  const { item } = props;
  const [editing, setEditing] = useState(item.evaluatedAt === null);
  if (!item.abilities.evaluate && !hasEvaluation(item)) return null;
  return (
    <section aria-labelledby="feedback-evaluation" className="panel panel-wide">
      <h2 id="feedback-evaluation">{t('feedback.evaluation.title')}</h2>
      {item.abilities.evaluate && editing ? (
        <EvaluationForm
          item={item}
          onCancel={item.evaluatedAt ? () => setEditing(false) : undefined}
          onSaved={() => {
            setEditing(false);
            props.onSaved(t('feedback.evaluation.saved'));
          }}
        />
      ) : (
        <>
          <EvaluationFacts item={item} />
          {item.abilities.evaluate && (
            <button type="button" className="button-secondary" onClick={() => setEditing(true)}>
              {t('feedback.evaluation.edit')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function EvaluationFacts(props: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const { item } = props;
  if (!hasEvaluation(item)) return <p className="muted">{t('feedback.evaluation.notYet')}</p>;
  const yesNo = (value: boolean | null) =>
    value === null ? t('feedback.evaluation.unknown') : value ? t('common.yes') : t('common.no');
  return (
    <dl className="facts">
      <dt>{t('feedback.evaluation.topic')}</dt>
      <dd>{item.topic ?? t('feedback.evaluation.unknown')}</dd>
      <dt>{t('feedback.evaluation.justified')}</dt>
      <dd>{yesNo(item.justified)}</dd>
      <dt>{t('feedback.evaluation.serious')}</dt>
      <dd>{yesNo(item.serious)}</dd>
      {item.evaluationNotes !== null && (
        <>
          <dt>{t('feedback.evaluation.notes')}</dt>
          <dd className="text-block">{item.evaluationNotes}</dd>
        </>
      )}
      {item.actions !== null && (
        <>
          <dt>{t('feedback.evaluation.actions')}</dt>
          <dd className="text-block">{item.actions}</dd>
        </>
      )}
      {item.evaluatedBy && item.evaluatedAt && (
        <>
          <dt>{t('feedback.evaluation.evaluatedBy')}</dt>
          <dd>
            {item.evaluatedBy.name}, {formatDateTime(item.evaluatedAt)}
          </dd>
        </>
      )}
    </dl>
  );
}

function EvaluationForm(props: {
  item: FeedbackItem;
  onSaved: () => void;
  onCancel: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const unitSelectKey = useUnitSelectKey();
  const { item } = props;
  const reload = useReloadFeedback();
  const required = useRequiredRule();
  const { form, errors, formError, busy, onSubmit } = useServerForm<EvaluationValues>({
    defaultValues: {
      topic: item.topic ?? '',
      unitId: item.unit.id,
      staffId: item.staff?.id ?? null,
      justified: item.justified === null ? '' : item.justified ? 'yes' : 'no',
      serious: item.serious,
      notes: item.evaluationNotes ?? '',
      actions: item.actions ?? '',
    },
    fields: FIELDS,
    send: (values) =>
      api.put(`/feedback/${item.id}/evaluation`, {
        ...values,
        justified: values.justified === '' ? null : values.justified === 'yes',
        version: item.version,
      }),
    onSaved: async () => {
      await reload();
      props.onSaved();
    },
    onConflict: reload,
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <p className="muted">{t('feedback.evaluation.intro')}</p>
      <FormError message={formError} />
      <Field label={t('feedback.evaluation.topic')} required error={errors.topic?.message}>
        <input
          maxLength={100}
          {...form.register('topic', required(t('feedback.evaluation.topic')))}
        />
      </Field>
      <Field label={t('feedback.unit')} required error={errors.unitId?.message}>
        <select key={unitSelectKey} {...form.register('unitId')}>
          <UnitOptions />
        </select>
      </Field>
      <PersonField
        control={form.control}
        name="staffId"
        label={t('feedback.form.staff')}
        allowNone
        noneLabel={t('feedback.form.staffUnknown')}
        currentName={item.staff?.name}
        error={errors.staffId?.message}
      />
      <FieldSet legend={t('feedback.evaluation.justified')} error={errors.justified?.message}>
        <div className="check-list check-columns">
          {(['yes', 'no'] as const).map((answer) => (
            <div key={answer} className="check-row">
              <input
                id={`feedback-justified-${answer}`}
                type="radio"
                value={answer}
                {...form.register('justified')}
              />
              <label htmlFor={`feedback-justified-${answer}`}>
                {answer === 'yes' ? t('common.yes') : t('common.no')}
              </label>
            </div>
          ))}
        </div>
      </FieldSet>
      <div className="field field-check">
        <input
          id="feedback-serious"
          type="checkbox"
          aria-describedby="feedback-serious-hint"
          {...form.register('serious')}
        />
        <label htmlFor="feedback-serious">{t('feedback.evaluation.serious')}</label>
        <div id="feedback-serious-hint" className="field-hint">
          {t('feedback.evaluation.seriousHint')}
        </div>
        {errors.serious?.message && <div className="field-error">{errors.serious.message}</div>}
      </div>
      <Field label={t('feedback.evaluation.notes')} error={errors.notes?.message}>
        <textarea rows={4} {...form.register('notes')} />
      </Field>
      <Field label={t('feedback.evaluation.actions')} error={errors.actions?.message}>
        <textarea rows={3} {...form.register('actions')} />
      </Field>
      {props.onCancel ? (
        <FormActions
          busy={busy}
          onCancel={props.onCancel}
          submitLabel={t('feedback.evaluation.save')}
        />
      ) : (
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {t('feedback.evaluation.save')}
          </button>
        </div>
      )}
    </form>
  );
}
