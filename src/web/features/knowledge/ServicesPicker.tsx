import { useId, useRef, useState } from 'react';
import { Controller, type Control, type FieldPathByValue, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useServicesLike } from '../../api/catalogue';
import { useDebouncedInput } from '../../ui/debounced-input';
import { problemText } from '../../ui/Notice';

interface Named {
  id: string;
  name: string;
}

interface ServicesPickerProps {
  label: string;
  value: string[];
  onChange: (ids: string[]) => void;
  /** Names of the services chosen when the form opened. */
  initial: Named[];
  error?: string | undefined;
}

/**
 * Chooses several services: the chosen ones listed (each removable), then those matching the
 * words typed as checkboxes. Plain controls keep it usable with a keyboard and a screen reader.
 */
export function ServicesPicker(props: ServicesPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [words, setWords] = useState('');
  const search = useDebouncedInput(words, setWords);
  const matches = useServicesLike(words, 10, true);
  const [names, setNames] = useState<Record<string, string>>(() =>
    Object.fromEntries(props.initial.map((service) => [service.id, service.name])),
  );
  const chosen = props.value.map((serviceId) => ({
    id: serviceId,
    name: names[serviceId] ?? serviceId,
  }));
  const searchInput = useRef<HTMLInputElement>(null);
  const add = (service: Named) => {
    setNames((known) => ({ ...known, [service.id]: service.name }));
    props.onChange([...props.value, service.id]);
  };
  const remove = (serviceId: string) =>
    props.onChange(props.value.filter((other) => other !== serviceId));

  return (
    <fieldset
      className={props.error ? 'field field-invalid services-picker' : 'field services-picker'}
    >
      <legend>
        {props.label} <span className="field-optional">({t('common.optional')})</span>
      </legend>
      {chosen.length === 0 ? (
        <p className="muted">{t('knowledge.noServicesChosen')}</p>
      ) : (
        <ul className="chosen-list" aria-label={t('knowledge.chosenServices')}>
          {chosen.map((service) => (
            <li key={service.id}>
              {service.name}
              <button
                type="button"
                className="button-icon"
                aria-label={`${t('knowledge.removeService')}: ${service.name}`}
                onClick={() => {
                  remove(service.id);
                  // The button goes away with the service: the search box keeps the focus here.
                  searchInput.current?.focus();
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={`${id}-search`} className="picker-search-label">
        {t('knowledge.findService')}
      </label>
      <input
        id={`${id}-search`}
        ref={searchInput}
        type="search"
        value={search.text}
        onChange={(event) => search.setText(event.target.value)}
        onKeyDown={(event) => {
          // Enter searches now; it must not send the whole form.
          if (event.key === 'Enter') {
            event.preventDefault();
            search.flush();
          }
        }}
      />
      {matches.isError ? (
        <p className="muted">{problemText(matches.error, t('errors.network'))}</p>
      ) : (matches.data ?? []).length > 0 ? (
        <ul className="check-list" aria-label={t('knowledge.matchingServices')}>
          {(matches.data ?? []).map((service) => {
            const checked = props.value.includes(service.id);
            return (
              <li key={service.id} className="check-row">
                <input
                  id={`${id}-${service.id}`}
                  type="checkbox"
                  checked={checked}
                  onChange={() => (checked ? remove(service.id) : add(service))}
                />
                <label htmlFor={`${id}-${service.id}`}>{service.name}</label>
              </li>
            );
          })}
        </ul>
      ) : (
        matches.isSuccess && <p className="muted">{t('knowledge.noServicesFound')}</p>
      )}
      {props.error && (
        <div className="field-error" role="alert">
          {props.error}
        </div>
      )}
    </fieldset>
  );
}

/** A ServicesPicker as a field of a react-hook-form form. */
export function ServicesField<V extends FieldValues>(
  props: Omit<ServicesPickerProps, 'value' | 'onChange'> & {
    control: Control<V>;
    name: FieldPathByValue<V, string[]>;
  },
) {
  const { control, name, ...picker } = props;
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <ServicesPicker {...picker} value={field.value} onChange={field.onChange} />
      )}
    />
  );
}
