import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { DefaultValues, FieldValues, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { rigaDateOf, rigaInstantOfLocal } from '../../../domain/riga-time';
import { DAY_KINDS } from '../../../domain/day-kinds';
import type { TCalendarDay, TDayOff, TDeadline } from '../../../contracts/calendar.contracts';
import { factCalls, type Facts } from '../../api/calendar';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { currentLanguage } from '../../i18n/i18n';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/FormParts';
import { formatDate, formatTime } from '../../ui/format';
import { useListParams } from '../../ui/list-params';
import { ErrorNotice, Loading } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { UnitFilter } from '../../ui/UnitFilter';
import { useServerForm } from '../../ui/server-form';

const DEFAULTS = { month: '', unitId: '' };

const monthStart = (month: string) => `${month}-01`;
const monthEnd = (month: string) => {
  const [year = 0, number = 1] = month.split('-').map(Number);
  return new Date(Date.UTC(year, number, 0)).toISOString().slice(0, 10);
};
const shiftMonth = (month: string, by: number) => {
  const [year = 0, number = 1] = month.split('-').map(Number);
  return new Date(Date.UTC(year, number - 1 + by, 1)).toISOString().slice(0, 7);
};

function monthTitle(month: string): string {
  const [year = 0, number = 1] = month.split('-').map(Number);
  const title = new Intl.DateTimeFormat(currentLanguage() === 'lv' ? 'lv-LV' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, number - 1, 1)));
  return title.charAt(0).toUpperCase() + title.slice(1);
}

/** The month as weeks, Monday first; null fills the days before the 1st and after the last. */
function weeksOf(days: TCalendarDay[]): Array<Array<TCalendarDay | null>> {
  const first = days[0];
  if (!first) return [];
  const lead = (new Date(`${first.date}T00:00:00Z`).getUTCDay() + 6) % 7;
  const cells: Array<TCalendarDay | null> = [...Array<null>(lead).fill(null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: Array<Array<TCalendarDay | null>> = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

function MonthView(props: {
  month: string;
  onMonth: (month: string) => void;
  /** Whose opening hours to show; the organisation's standard hours when empty. */
  unitId: string;
}) {
  const { t, i18n } = useTranslation();
  const today = rigaDateOf(new Date());
  // The reasons come in the user's language: another language is another answer.
  const days = useQuery({
    queryKey: ['calendar', 'days', props.month, props.unitId, i18n.language],
    queryFn: () =>
      api.get('/calendar/days', {
        from: monthStart(props.month),
        to: monthEnd(props.month),
        unitId: props.unitId,
      }),
  });
  const weekdays = t('calendar.weekdaysShort', { returnObjects: true });

  return (
    <section aria-labelledby="month-title" className="month-view">
      <div className="month-nav">
        <button
          type="button"
          className="button-secondary"
          onClick={() => props.onMonth(shiftMonth(props.month, -1))}
        >
          ← {t('calendar.previous')}
        </button>
        <h2 id="month-title" aria-live="polite">
          {monthTitle(props.month)}
        </h2>
        <button
          type="button"
          className="button-secondary"
          onClick={() => props.onMonth(shiftMonth(props.month, 1))}
        >
          {t('calendar.next')} →
        </button>
      </div>
      {days.isPending ? (
        <Loading />
      ) : days.isError ? (
        <ErrorNotice error={days.error} onRetry={() => void days.refetch()} />
      ) : (
        <table className="month">
          <caption className="visually-hidden">{monthTitle(props.month)}</caption>
          <thead>
            <tr>
              {weekdays.map((name) => (
                <th key={name} scope="col">
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeksOf(days.data.days).map((week) => (
              <tr key={week.find(Boolean)?.date}>
                {week.map((day, index) =>
                  day ? (
                    <td
                      key={day.date}
                      className={`day day-${day.kind}${day.date === today ? ' day-today' : ''}`}
                      aria-current={day.date === today ? 'date' : undefined}
                    >
                      <span className="day-number">{Number(day.date.slice(8))}</span>
                      {day.kind !== 'working' && day.kind !== 'weekend' && (
                        <span className="day-kind">{t(`calendar.kinds.${day.kind}`)}</span>
                      )}
                      {day.hours ? (
                        <span className="day-hours">
                          {day.hours.open}–{day.hours.close}
                          {day.shortened && ` (${t('calendar.shortened')})`}
                        </span>
                      ) : (
                        <span className="visually-hidden">{t('calendar.closed')}</span>
                      )}
                      {day.reason && <span className="day-reason">{day.reason}</span>}
                    </td>
                  ) : (
                    <td key={`empty-${index}`} className="day day-empty" />
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ul className="legend" aria-label={t('calendar.legend')}>
        {DAY_KINDS.map((kind) => (
          <li key={kind}>
            <span className={`legend-swatch day-${kind}`} aria-hidden="true" />
            {t(`calendar.kinds.${kind}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function DeadlineCalculator() {
  const { t, i18n } = useTranslation();
  const policies = useQuery({
    queryKey: ['calendar', 'policies'],
    queryFn: () => api.get('/calendar/policies'),
  });
  const { form, errors, formError, busy, result, onSubmit } = useServerForm<
    { date: string; time: string; policy: string },
    TDeadline
  >({
    defaultValues: { date: rigaDateOf(new Date()), time: '', policy: 'external-written' },
    fields: { from: 'date', policy: 'policy' },
    send: (values) =>
      api.get('/calendar/deadline', {
        // A time is read as Riga time, whatever zone the browser is in.
        from: values.time
          ? (rigaInstantOfLocal(`${values.date}T${values.time}`)?.toISOString() ?? values.date)
          : values.date,
        policy: values.policy,
      }),
  });
  // The form waits for the policies: a select filled later would not show its default.
  if (!policies.data) return <Loading />;
  const active = policies.data.items.filter((policy) => policy.active);
  return (
    <section aria-labelledby="calculator" className="panel panel-wide">
      <h2 id="calculator">{t('calendar.calculator')}</h2>
      <p className="page-intro">{t('calendar.calculatorIntro')}</p>
      <FormError message={formError} />
      <form className="calculator" onSubmit={onSubmit} noValidate>
        <Field label={t('calendar.receivedOn')} required error={errors.date?.message}>
          <input type="date" {...form.register('date')} />
        </Field>
        <Field label={t('calendar.receivedAt')} filter>
          <input type="time" {...form.register('time')} />
        </Field>
        <Field label={t('calendar.policy')} required error={errors.policy?.message}>
          <select {...form.register('policy')}>
            {active.map((policy) => (
              <option key={policy.code} value={policy.code}>
                {i18n.language === 'en' ? policy.nameEn : policy.name}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="button-primary" disabled={busy}>
          {t('calendar.calculate')}
        </button>
      </form>
      {result && (
        <p className="result" role="status">
          <strong>
            {t('calendar.due', {
              date: formatDate(result.due),
              time: formatTime(result.dueEnd),
            })}
          </strong>
        </p>
      )}
    </section>
  );
}

function SettingsPanel(props: { canManage: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: ['calendar', 'settings'],
    queryFn: () => api.get('/calendar/settings'),
  });
  // The box shows the choice at once; the month follows when the server has saved it.
  const [choice, setChoice] = useState<boolean | null>(null);
  const save = useMutation({
    mutationFn: (followTransfers: boolean) =>
      api.patch('/calendar/settings', {
        followTransfers,
        version: settings.data?.version,
      }),
    onMutate: (followTransfers) => setChoice(followTransfers),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: ['calendar'] });
      setChoice(null);
    },
  });
  if (!settings.data) return null;
  return (
    <section aria-labelledby="calendar-settings" className="panel panel-wide">
      <h2 id="calendar-settings">{t('calendar.settings')}</h2>
      {save.isError && <ErrorNotice error={save.error} />}
      <div className="field field-check">
        <input
          id="follow-transfers"
          type="checkbox"
          checked={choice ?? settings.data.followTransfers}
          disabled={!props.canManage || save.isPending}
          aria-describedby="follow-transfers-hint"
          onChange={(event) => save.mutate(event.target.checked)}
        />
        <label htmlFor="follow-transfers">{t('calendar.followTransfers')}</label>
        <div id="follow-transfers-hint" className="field-hint">
          {t('calendar.followTransfersHint')}
        </div>
      </div>
    </section>
  );
}

/**
 * A year's list of calendar facts an administrator keeps (transfers, days off): the rows, a
 * button to remove one, and a form to add one; everyone else reads.
 */
function FactsPanel<P extends keyof Facts, Values extends FieldValues>(props: {
  id: string;
  title: string;
  emptyText: string;
  addLabel: string;
  path: P;
  year: number;
  canManage: boolean;
  headers: string[];
  cells: (row: Facts[P]) => ReactNode[];
  /** The date that names a row (in the removal question) and whose month is shown once added. */
  dateOf: (row: Facts[P]) => string;
  defaults: DefaultValues<Values>;
  fieldNames: string[];
  fields: (form: UseFormReturn<Values>) => ReactNode;
  onAdded: (date: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ['calendar', props.path, props.year],
    queryFn: () => factCalls[props.path].list(props.year),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['calendar'] });
  const { form, formError, busy, onSubmit } = useServerForm<Values, Facts[P]>({
    defaultValues: props.defaults,
    fields: props.fieldNames,
    send: (values) => factCalls[props.path].add(values),
    onSaved: async (row) => {
      await refresh();
      props.onAdded(props.dateOf(row));
    },
    resetOnSave: true,
  });
  const remove = useMutation({
    mutationFn: (row: Facts[P]) => factCalls[props.path].remove(row),
    // Refreshed after a refusal too: a stale version would be refused again and again.
    onSettled: refresh,
  });
  return (
    <section aria-labelledby={props.id} className="panel panel-wide">
      <h2 id={props.id}>
        {props.title} — {t('calendar.year', { year: props.year })}
      </h2>
      {remove.isError && <ErrorNotice error={remove.error} />}
      {list.isError ? (
        <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data?.items.length === 0 ? (
        <p className="muted">{props.emptyText}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table compact">
            <thead>
              <tr>
                {props.headers.map((header) => (
                  <th key={header} scope="col">
                    {header}
                  </th>
                ))}
                {props.canManage && (
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {(list.data?.items ?? []).map((row) => (
                <tr key={row.id}>
                  {props.cells(row).map((cell, index) => (
                    <td key={props.headers[index]}>{cell}</td>
                  ))}
                  {props.canManage && (
                    <td className="cell-actions">
                      <button
                        type="button"
                        className="button-link button-danger"
                        onClick={() => {
                          const date = formatDate(props.dateOf(row));
                          if (window.confirm(t('calendar.confirmRemove', { date })))
                            remove.mutate(row);
                        }}
                      >
                        {t('calendar.remove')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.canManage && (
        <form className="inline-form" onSubmit={onSubmit} noValidate>
          <FormError message={formError} />
          {props.fields(form)}
          <button type="submit" className="button-secondary" disabled={busy}>
            {props.addLabel}
          </button>
        </form>
      )}
    </section>
  );
}

interface TransferValues {
  dayOff: string;
  workingDay: string;
  source: string;
}

interface DayOffValues {
  date: string;
  kind: TDayOff['kind'];
  name: string;
  source: string;
}

/** The month view everyone reads, and the data an administrator keeps. */
export function CalendarPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { values, update } = useListParams(DEFAULTS);
  const month = /^\d{4}-\d{2}$/.test(values.month)
    ? values.month
    : rigaDateOf(new Date()).slice(0, 7);
  const year = Number(month.slice(0, 4));
  const canManage = can('calendar.manage');
  // A day added for another year would vanish from this year's list: show its month instead.
  const showMonthOf = (date: string) => update({ month: date.slice(0, 7) });
  return (
    <>
      <PageHeader title={t('calendar.title')} intro={t('calendar.intro')} />
      <div className="filters">
        <UnitFilter
          id="calendar-unit"
          label={t('calendar.hoursOf')}
          value={values.unitId}
          onChange={(unitId) => update({ unitId })}
          emptyLabel={t('calendar.standardHours')}
        />
      </div>
      <MonthView month={month} onMonth={(next) => update({ month: next })} unitId={values.unitId} />
      <DeadlineCalculator />
      <SettingsPanel canManage={canManage} />
      <FactsPanel<'/calendar/transfers', TransferValues>
        id="transfers"
        title={t('calendar.transfers')}
        emptyText={t('calendar.transfersEmpty')}
        addLabel={t('calendar.addTransfer')}
        path="/calendar/transfers"
        year={year}
        canManage={canManage}
        headers={[t('calendar.dayOff'), t('calendar.workingDay'), t('calendar.source')]}
        cells={(transfer) => [
          formatDate(transfer.dayOff),
          formatDate(transfer.workingDay),
          transfer.source,
        ]}
        dateOf={(transfer) => transfer.dayOff}
        defaults={{ dayOff: '', workingDay: '', source: '' }}
        fieldNames={['dayOff', 'workingDay', 'source']}
        fields={(form) => (
          <>
            <Field
              label={t('calendar.dayOff')}
              required
              error={form.formState.errors.dayOff?.message}
            >
              <input type="date" {...form.register('dayOff')} />
            </Field>
            <Field
              label={t('calendar.workingDay')}
              required
              error={form.formState.errors.workingDay?.message}
            >
              <input type="date" {...form.register('workingDay')} />
            </Field>
            <Field
              label={t('calendar.source')}
              required
              error={form.formState.errors.source?.message}
            >
              <input {...form.register('source')} />
            </Field>
          </>
        )}
        onAdded={showMonthOf}
      />
      <FactsPanel<'/calendar/days-off', DayOffValues>
        id="days-off"
        title={t('calendar.daysOff')}
        emptyText={t('calendar.daysOffEmpty')}
        addLabel={t('calendar.addDayOff')}
        path="/calendar/days-off"
        year={year}
        canManage={canManage}
        headers={[t('calendar.date'), t('calendar.name'), t('calendar.source')]}
        cells={(day) => [
          formatDate(day.date),
          <>
            {day.name}
            <div className="muted">{t(`calendar.dayOffKinds.${day.kind}`)}</div>
          </>,
          day.source,
        ]}
        dateOf={(day) => day.date}
        defaults={{ date: '', kind: 'one-off', name: '', source: '' }}
        fieldNames={['date', 'kind', 'name', 'source']}
        fields={(form) => (
          <>
            <Field label={t('calendar.date')} required error={form.formState.errors.date?.message}>
              <input type="date" {...form.register('date')} />
            </Field>
            <Field label={t('calendar.kind')} required error={form.formState.errors.kind?.message}>
              <select {...form.register('kind')}>
                <option value="one-off">{t('calendar.dayOffKinds.one-off')}</option>
                <option value="festival">{t('calendar.dayOffKinds.festival')}</option>
              </select>
            </Field>
            <Field label={t('calendar.name')} required error={form.formState.errors.name?.message}>
              <input {...form.register('name')} />
            </Field>
            <Field
              label={t('calendar.source')}
              required
              error={form.formState.errors.source?.message}
            >
              <input {...form.register('source')} />
            </Field>
          </>
        )}
        onAdded={showMonthOf}
      />
    </>
  );
}
