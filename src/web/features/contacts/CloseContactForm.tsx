import { useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TContact, TRequestSettlement } from '../../../contracts/contacts.contracts';
import type { TRequestSummary } from '../../../contracts/requests.contracts';
import { isOpen } from '../../../domain/requests';
import { useReloadCases } from '../../api/cases';
import { api } from '../../api/client';
import { Field, FieldSet } from '../../ui/Field';
import { FormError } from '../../ui/FormParts';
import { PersonField } from '../../ui/PersonSelect';
import { useServerForm } from '../../ui/server-form';
import { UnitOptions } from '../../ui/UnitFilter';

/** Who carries on with a request kept open: the clerk closing the visit, a colleague or a unit. */
type Keeper = 'me' | 'colleague' | 'unit';
const KEEPERS: readonly Keeper[] = ['me', 'colleague', 'unit'];

/** What becomes of one open request of the visit. */
interface Settlement {
  requestId: string;
  decision: TRequestSettlement['decision'];
  keeper: Keeper;
  ownerId: string | null;
  unitId: string;
  reason: string;
}

interface Values {
  outcome: string;
  nextSteps: string;
  /** One offered service a line. */
  offeredServices: string;
  /** The suggested services ticked as offered (their ids). */
  suggested: string[];
  /** One for each open request of the visit, in the order shown. */
  settle: Settlement[];
}

/** A consultation is most often answered at the desk; anything else stays open for the clerk. */
const settlementOf = (request: TRequestSummary): Settlement => ({
  requestId: request.id,
  decision: request.kind === 'consultation' ? 'answered_at_desk' : 'keep_open',
  keeper: 'me',
  ownerId: null,
  unitId: '',
  reason: '',
});

function settlementBody(settlement: Settlement): TRequestSettlement {
  if (settlement.decision === 'answered_at_desk') return { decision: 'answered_at_desk' };
  return {
    decision: 'keep_open',
    reason: settlement.reason,
    ...(settlement.keeper === 'colleague' && settlement.ownerId
      ? { ownerId: settlement.ownerId }
      : {}),
    ...(settlement.keeper === 'unit' && settlement.unitId ? { unitId: settlement.unitId } : {}),
  };
}

/** The server names a request's settlement by its id; the form by its row. */
function settlementFields(open: readonly TRequestSummary[]): Record<string, string> {
  return Object.fromEntries(
    open.flatMap((request, index) => [
      [`requests.${request.id}.reason`, `settle.${index}.reason`],
      [`requests.${request.id}.ownerId`, `settle.${index}.ownerId`],
      [`requests.${request.id}.unitId`, `settle.${index}.unitId`],
      [`requests.${request.id}`, `settle.${index}.decision`],
    ]),
  );
}

/** Every offered service once: those ticked among the suggestions, then those typed. */
function offeredServicesOf(contact: TContact, values: Values): string[] {
  const ticked = contact.suggestedServices
    .filter((service) => values.suggested.includes(service.id))
    .map((service) => service.name);
  const typed = values.offeredServices
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return [...new Set([...ticked, ...typed])];
}

/** Ends the visit: what came of it, what the client was told happens next, what else was offered. */
export function CloseContactForm(props: { contact: TContact; onClosed: () => void }) {
  const { t } = useTranslation();
  const reload = useReloadCases();
  const open = props.contact.requests.filter((request) => isOpen(request.state));
  const { form, errors, formError, busy, onSubmit } = useServerForm<Values>({
    defaultValues: {
      outcome: '',
      nextSteps: '',
      offeredServices: '',
      suggested: [],
      settle: open.map(settlementOf),
    },
    fields: {
      outcome: 'outcome',
      nextSteps: 'nextSteps',
      offeredServices: 'offeredServices',
      ...settlementFields(open),
    },
    send: (values) =>
      api.post(`/contacts/${props.contact.id}/close`, {
        outcome: values.outcome,
        nextSteps: values.nextSteps,
        offeredServices: offeredServicesOf(props.contact, values),
        requests: Object.fromEntries(
          values.settle.map((settlement) => [settlement.requestId, settlementBody(settlement)]),
        ),
        version: props.contact.version,
      }),
    onSaved: async () => {
      await reload();
      props.onClosed();
    },
    onConflict: reload,
  });
  return (
    <section aria-labelledby="close-contact" className="panel panel-wide">
      <h2 id="close-contact">{t('contact.close')}</h2>
      <form onSubmit={onSubmit} noValidate>
        <FormError message={formError} />
        {open.length > 0 && (
          <section aria-labelledby="close-contact-settle" className="settle-requests">
            <h3 id="close-contact-settle">{t('contact.settleTitle')}</h3>
            <p className="field-hint">{t('contact.settleHint')}</p>
            {open.map((request, index) => (
              <SettlementRow
                key={request.id}
                request={request}
                index={index}
                control={form.control}
                register={form.register}
                errors={errors}
              />
            ))}
          </section>
        )}
        <Field label={t('contact.outcome')} required error={errors.outcome?.message}>
          <textarea rows={2} {...form.register('outcome')} />
        </Field>
        {/* On the phone, what the client is told happens next is what was agreed (16.4). */}
        {props.contact.channel === 'phone' ? (
          <Field
            label={t('contact.agreedActions')}
            hint={t('contact.agreedActionsHint')}
            required
            error={errors.nextSteps?.message}
          >
            <textarea
              rows={3}
              {...form.register('nextSteps', { required: t('contact.agreedActionsMissing') })}
            />
          </Field>
        ) : (
          <Field
            label={t('contact.nextSteps')}
            hint={t('contact.nextStepsHint')}
            error={errors.nextSteps?.message}
          >
            <textarea rows={2} {...form.register('nextSteps')} />
          </Field>
        )}
        {props.contact.suggestedServices.length > 0 && (
          <FieldSet legend={t('contact.suggestedServices')}>
            <p className="field-hint">{t('contact.suggestedServicesHint')}</p>
            <div className="check-list">
              {props.contact.suggestedServices.map((service) => (
                <div key={service.id} className="check-row">
                  <input
                    id={`suggested-${service.id}`}
                    type="checkbox"
                    value={service.id}
                    {...form.register('suggested')}
                  />
                  <label htmlFor={`suggested-${service.id}`}>
                    {service.name}{' '}
                    <span className="muted">({t(`cases.kinds.${service.kind}`)})</span>
                  </label>
                </div>
              ))}
            </div>
          </FieldSet>
        )}
        <Field
          label={t('contact.offeredServices')}
          hint={t('contact.offeredServicesHint')}
          error={errors.offeredServices?.message}
        >
          <textarea rows={3} {...form.register('offeredServices')} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {t('contact.close')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** One open request: answered at the desk, or kept open for someone with the reason. */
function SettlementRow(props: {
  request: TRequestSummary;
  index: number;
  control: Control<Values>;
  register: UseFormRegister<Values>;
  errors: FieldErrors<Values>;
}) {
  const { t } = useTranslation();
  const { request, index, control, register } = props;
  const settlement = useWatch({ control, name: `settle.${index}` });
  const errors = props.errors.settle?.[index];
  const id = `settle-${request.id}`;
  return (
    <FieldSet
      legend={t('contact.settleRequest', {
        number: request.number,
        service: request.service,
        unit: request.unit.name,
      })}
      error={errors?.decision?.message}
    >
      <div className="check-list check-columns">
        {(['answered_at_desk', 'keep_open'] as const).map((decision) => (
          <div key={decision} className="check-row">
            <input
              id={`${id}-${decision}`}
              type="radio"
              value={decision}
              {...register(`settle.${index}.decision`)}
            />
            <label htmlFor={`${id}-${decision}`}>{t(`contact.decisions.${decision}`)}</label>
          </div>
        ))}
      </div>
      {settlement.decision === 'keep_open' && (
        <div className="settle-keep-open">
          <FieldSet legend={t('contact.keeper')}>
            <div className="check-list check-columns">
              {KEEPERS.map((keeper) => (
                <div key={keeper} className="check-row">
                  <input
                    id={`${id}-keeper-${keeper}`}
                    type="radio"
                    value={keeper}
                    {...register(`settle.${index}.keeper`)}
                  />
                  <label htmlFor={`${id}-keeper-${keeper}`}>{t(`contact.keepers.${keeper}`)}</label>
                </div>
              ))}
            </div>
          </FieldSet>
          {settlement.keeper === 'colleague' && (
            <PersonField
              control={control}
              name={`settle.${index}.ownerId`}
              label={t('contact.keepers.colleague')}
              required
              missing={t('absences.choosePerson')}
              error={errors?.ownerId?.message}
            />
          )}
          {settlement.keeper === 'unit' && (
            <Field label={t('contact.keepers.unit')} required error={errors?.unitId?.message}>
              <select {...register(`settle.${index}.unitId`, { required: t('queue.chooseUnit') })}>
                <option value="">—</option>
                <UnitOptions />
              </select>
            </Field>
          )}
          <Field label={t('contact.keepReason')} required error={errors?.reason?.message}>
            <textarea rows={2} {...register(`settle.${index}.reason`)} />
          </Field>
        </div>
      )}
    </FieldSet>
  );
}
