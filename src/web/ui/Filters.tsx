import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Words to search a list by; the widest of a list's filters. */
export function SearchFilter(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
}) {
  return (
    <div className="field field-wide">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="search"
        value={props.value}
        placeholder={props.placeholder}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </div>
  );
}

/** One of a few values, or all of them; the choices as a list or as option elements. */
export function ChoiceFilter(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options?: ReadonlyArray<{ value: string; label: string }>;
  children?: ReactNode;
  /** What choosing none means; "all" unless said. */
  allLabel?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      >
        <option value="">{props.allLabel ?? t('common.all')}</option>
        {props.options?.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
        {props.children}
      </select>
    </div>
  );
}
