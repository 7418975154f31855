import { useQueryClient } from '@tanstack/react-query';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ABSENCE_KINDS, type AbsenceKind } from '../../../domain/absences';
import { rigaDateOf } from '../../../domain/riga-time';
import type { TAbsence } from '../../../contracts/absences.contracts';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { FormActions, FormError } from '../../ui/FormParts';
import { Field } from '../../ui/Field';
import { fullName } from '../../ui/format';
import { PersonField } from '../../ui/PersonSelect';
import { useServerForm } from '../../ui/server-form';

interface Values {
  staffId: string | null;
  kind: AbsenceKind;
  startsOn: string;
  endsOn: string;
  substituteId: string | null;
  note: string;
}

const FIELDS = ['staffId', 'kind', 'startsOn', 'endsOn', 'substituteId', 'note'];

/** Records a new absence or changes one; the server checks overlaps and who may do it. */
export function AbsenceForm(props: {
  absence: TAbsence | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { me, can } = useSession();
  const queryClient = useQueryClient();
  const today = rigaDateOf(new Date());
  const { absence } = props;
  const onlySelf = !can('absences.manage-all') && !can('absences.manage-unit');
  const { form, errors, formError, busy, onSubmit } = useServerForm<Values>({
    defaultValues: absence
      ? {
          staffId: absence.staff.id,
          // Whoever may edit an absence is told its kind; `absent` only reaches others.
          kind: absence.kind === 'absent' ? 'other' : absence.kind,
          startsOn: absence.startsOn,
          endsOn: absence.endsOn,
          substituteId: absence.substitute?.id ?? null,
          note: absence.note ?? '',
        }
      : {
          staffId: me.id,
          kind: 'vacation',
          startsOn: today,
          endsOn: today,
          substituteId: null,
          note: '',
        },
    fields: FIELDS,
    send: (values) =>
      absence
        ? api.patch(`/absences/${absence.id}`, {
            kind: values.kind,
            startsOn: values.startsOn,
            endsOn: values.endsOn,
            substituteId: values.substituteId,
            note: values.note,
            version: absence.version,
          })
        : api.post('/absences', { ...values, staffId: values.staffId ?? '' }),
    onSaved: async () => {
      await queryClient.invalidateQueries({ queryKey: ['absences'] });
      await queryClient.invalidateQueries({ queryKey: ['directory'] });
      props.onSaved();
    },
  });

  const staffId = useWatch({ control: form.control, name: 'staffId' });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      {absence || onlySelf ? (
        <p>
          <strong>{t('absences.person')}:</strong>{' '}
          {absence ? fullName(absence.staff) : fullName(me)}
        </p>
      ) : (
        <PersonField
          control={form.control}
          name="staffId"
          label={t('absences.person')}
          currentName={staffId === me.id ? fullName(me) : undefined}
          required
          error={errors.staffId?.message}
        />
      )}
      <Field label={t('absences.kind')} required error={errors.kind?.message}>
        <select {...form.register('kind')}>
          {ABSENCE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`absenceKinds.${kind}`)}
            </option>
          ))}
        </select>
      </Field>
      <div className="field-row">
        <Field label={t('absences.startsOn')} required error={errors.startsOn?.message}>
          <input type="date" {...form.register('startsOn')} />
        </Field>
        <Field label={t('absences.endsOn')} required error={errors.endsOn?.message}>
          <input type="date" {...form.register('endsOn')} />
        </Field>
      </div>
      <PersonField
        control={form.control}
        name="substituteId"
        label={t('absences.substitute')}
        currentName={absence?.substitute ? fullName(absence.substitute) : undefined}
        allowNone
        noneLabel={t('absences.noSubstitute')}
        exclude={staffId ?? undefined}
        error={errors.substituteId?.message}
      />
      <Field label={t('common.note')} error={errors.note?.message}>
        <textarea rows={2} {...form.register('note')} />
      </Field>
      <FormActions busy={busy} onCancel={props.onCancel} />
    </form>
  );
}
