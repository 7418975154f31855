import { useId, useState } from 'react';
import { Controller, type Control, type FieldPathByValue, type FieldValues } from 'react-hook-form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TDirectoryEntry } from '../../contracts/directory.contracts';
import { usePeopleMatching } from '../api/lookups';
import { formatDate, fullName } from './format';

/**
 * Chooses an active colleague: type a few letters (diacritics optional) to narrow the list, then
 * pick from it. Two plain controls keep it usable with a keyboard and a screen reader.
 */
interface PersonSelectProps {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  /** The name of the person chosen when the form opened, shown while they are not among the matches. */
  currentName?: string | undefined;
  allowNone?: boolean;
  noneLabel?: string;
  required?: boolean;
  error?: string | undefined;
  exclude?: string | undefined;
  filter?: boolean;
  /**
   * Shows each colleague's competences and, when they are away today, until when and who stands
   * in: for choosing whom to refer a request to.
   */
  availability?: boolean;
}

/** Away today, until when, and who stands in (or that nobody does). */
function awayText(person: TDirectoryEntry, t: TFunction): string {
  if (!person.away) return '';
  const away = t('people.awayUntil', { date: formatDate(person.away.until) });
  return person.standIn
    ? `${away}, ${t('people.standIn', { name: fullName(person.standIn) })}`
    : `${away}, ${t('people.noStandIn')}`;
}

export function PersonSelect(props: PersonSelectProps) {
  const { t } = useTranslation();
  const id = useId();
  const [words, setWords] = useState('');
  const people = usePeopleMatching(words);
  // Names of people picked here, so the choice keeps its name when a new search leaves it out.
  const [picked, setPicked] = useState<Record<string, string>>({});
  const options = (people.data ?? []).filter((person) => person.id !== props.exclude);
  const labelOf = (person: TDirectoryEntry) => {
    const base = `${fullName(person)} — ${person.position}`;
    if (!props.availability) return base;
    return [
      base,
      person.competences.length > 0 ? person.competences.join(', ') : null,
      person.away ? awayText(person, t) : null,
    ]
      .filter(Boolean)
      .join(' · ');
  };
  const chosen = options.find((person) => person.id === props.value);
  const chosenMissing =
    props.value !== null && !options.some((person) => person.id === props.value);
  return (
    <fieldset className={props.error ? 'field field-invalid person-select' : 'field person-select'}>
      <legend>
        {props.label}
        {!props.required && !props.filter && (
          <span className="field-optional"> ({t('common.optional')})</span>
        )}
      </legend>
      <label htmlFor={`${id}-search`} className="visually-hidden">
        {t('common.search')}
      </label>
      <input
        id={`${id}-search`}
        type="search"
        placeholder={t('common.search')}
        value={words}
        onChange={(event) => setWords(event.target.value)}
      />
      <label htmlFor={`${id}-select`} className="visually-hidden">
        {props.label}
      </label>
      <select
        id={`${id}-select`}
        value={props.value ?? ''}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        onChange={(event) => {
          const chosen = options.find((person) => person.id === event.target.value);
          if (chosen) setPicked((names) => ({ ...names, [chosen.id]: labelOf(chosen) }));
          props.onChange(event.target.value === '' ? null : event.target.value);
        }}
      >
        <option value="">{props.allowNone ? (props.noneLabel ?? t('common.none')) : '—'}</option>
        {chosenMissing && (
          <option value={props.value ?? ''}>
            {picked[props.value ?? ''] ?? props.currentName ?? props.value}
          </option>
        )}
        {options.map((person) => (
          <option key={person.id} value={person.id}>
            {labelOf(person)}
          </option>
        ))}
      </select>
      {props.availability && chosen && (
        <p className="field-hint" aria-live="polite">
          {chosen.competences.length > 0 &&
            t('people.competences', { competences: chosen.competences.join(', ') })}{' '}
          {chosen.away && <span className="urgent">{awayText(chosen, t)}</span>}
        </p>
      )}
      {props.error && (
        <div id={`${id}-error`} className="field-error">
          {props.error}
        </div>
      )}
    </fieldset>
  );
}

/** A PersonSelect as a field of a react-hook-form form. */
export function PersonField<V extends FieldValues>(
  props: Omit<PersonSelectProps, 'value' | 'onChange'> & {
    control: Control<V>;
    name: FieldPathByValue<V, string | null>;
    /** The message when `required` and nobody is chosen: checked in the form, before sending. */
    missing?: string;
  },
) {
  const { control, name, missing, ...select } = props;
  return (
    <Controller
      control={control}
      name={name}
      rules={
        missing ? { validate: (value: string | null) => value !== null || missing } : undefined
      }
      render={({ field }) => (
        <PersonSelect {...select} value={field.value} onChange={field.onChange} />
      )}
    />
  );
}
