import { useEffect, useId, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { TServiceSummary } from '../../../contracts/catalogue.contracts';
import { useServicesLike } from '../../api/catalogue';
import { useDebounced } from '../../ui/debounce';

export interface ServiceComboboxProps {
  value: string;
  /** The words typed; a service is chosen only by picking one. */
  onChange: (text: string) => void;
  onPick: (service: TServiceSummary) => void;
  onBlur?: () => void;
  ref?: Ref<HTMLInputElement>;
  /** Enter only picks: it does not send the form the field is in (a field for adding to a list). */
  enterOnlyPicks?: boolean;
  /** Services not to offer (the card itself, those already chosen). */
  exclude?: readonly string[];
  // Set by Field: the label's target, the hint and the error.
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  required?: boolean;
}

/**
 * A text field that offers the catalogue's services as one types (the ARIA combobox pattern):
 * arrows move through the matches, Enter picks one, Escape closes the list. The list takes its
 * place in the page rather than covering what is below it, and closes a moment after the field
 * loses focus, so a click meant for a button below lands on that button.
 */
export function ServiceCombobox({ ref, ...props }: ServiceComboboxProps) {
  const { t } = useTranslation();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const closing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const words = useDebounced(props.value, 200);
  const found = useServicesLike(words);
  const options = (found.data ?? []).filter((service) => !props.exclude?.includes(service.id));
  const shown = open && props.value.trim() !== '' && options.length > 0;
  const optionId = (index: number) => `${listId}-option-${index}`;

  useEffect(() => () => clearTimeout(closing.current), []);
  useEffect(() => {
    if (shown && active >= 0)
      document.getElementById(`${listId}-option-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [shown, active, listId]);

  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const pick = (service: TServiceSummary) => {
    close();
    props.onPick(service);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (options.length === 0) return;
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setOpen(true);
        setActive((current) =>
          !shown || current < 0
            ? step === 1
              ? 0
              : options.length - 1
            : (current + step + options.length) % options.length,
        );
        return;
      }
      case 'Enter': {
        const chosen = shown ? options[active] : undefined;
        if (chosen || props.enterOnlyPicks) event.preventDefault();
        if (chosen) pick(chosen);
        return;
      }
      case 'Escape':
        if (!shown) return;
        // Closes the list only, not a dialog the field may be in.
        event.preventDefault();
        event.stopPropagation();
        close();
        return;
      default:
        return;
    }
  };

  const count = shown ? options.length : 0;
  const status =
    props.value.trim() === '' || !open || found.isFetching
      ? ''
      : count > 0
        ? t('catalogue.picker.found', { count })
        : t('catalogue.picker.noneFound');

  return (
    <div className="combobox">
      <input
        ref={ref}
        id={props.id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown && active >= 0 ? optionId(active) : undefined}
        aria-invalid={props['aria-invalid']}
        aria-describedby={props['aria-describedby']}
        required={props.required}
        value={props.value}
        onChange={(event) => {
          props.onChange(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => clearTimeout(closing.current)}
        onBlur={() => {
          closing.current = setTimeout(close, 150);
          props.onBlur?.();
        }}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={t('catalogue.picker.results')}
        className="combobox-list"
        hidden={!shown}
      >
        {shown &&
          options.map((service, index) => (
            <li
              key={service.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'combobox-option combobox-active' : 'combobox-option'}
              // Keeps the focus in the field, so the list does not close before the click.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(service)}
            >
              <span className="combobox-name">{service.name}</span>
              <span className="muted">
                {t(`cases.kinds.${service.kind}`)}
                {service.institution && ` · ${service.institution.name}`}
              </span>
            </li>
          ))}
      </ul>
      <div role="status" className="visually-hidden">
        {status}
      </div>
    </div>
  );
}
